using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.Tests.Support;

internal static class JsonExtensions
{
    /// <summary>Mutates and returns the node, for inline fixture tweaks.</summary>
    public static T Also<T>(this T node, Action<T> change)
        where T : JsonNode
    {
        change(node);
        return node;
    }
}
