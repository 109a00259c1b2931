using System.Text.Json;

namespace ChatCoach.Discord.Interactions;

/// <summary>Reads an interaction as Discord sends it to an HTTP interactions endpoint (the same object the gateway dispatches).</summary>
public static class InteractionJson
{
    /// <summary>The interaction in <paramref name="utf8"/>; throws <see cref="JsonException"/> when it is not JSON of that shape.</summary>
    public static Interaction? Parse(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize<Interaction>(utf8, DiscordJson.Options);
}
