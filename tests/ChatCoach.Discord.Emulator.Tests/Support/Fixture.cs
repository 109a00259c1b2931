using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.Tests.Support;

/// <summary>Reads the copied shared fixtures.</summary>
internal static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"));

    public static JsonNode Json(string name) => JsonNode.Parse(Text(name))!;
}
