using System.Text.Json;

namespace ChatCoach.Discord.Emulator;

/// <summary>Which side sent a gateway frame.</summary>
public enum FrameDirection
{
    /// <summary>Sent by the bot.</summary>
    FromClient,

    /// <summary>Sent by the emulator.</summary>
    FromServer,
}

/// <summary>
/// One gateway payload. <see cref="Json"/> is the frame as sent, except that a <c>d.token</c>
/// (Identify, Resume) is replaced by <c>[redacted]</c>.
/// </summary>
public sealed record GatewayFrame(
    long ConnectionId,
    FrameDirection Direction,
    int? Op,
    string? EventName,
    int? Sequence,
    string Json,
    DateTimeOffset Time)
{
    /// <summary>The frame's <c>d</c>, or an undefined element when it has none.</summary>
    public JsonElement Data()
    {
        using var doc = JsonDocument.Parse(Json);
        return doc.RootElement.TryGetProperty("d", out var d) ? d.Clone() : default;
    }
}
