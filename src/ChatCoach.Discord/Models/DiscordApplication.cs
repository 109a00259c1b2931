namespace ChatCoach.Discord.Models;

/// <summary>The bot's application, as returned by <c>GET /applications/@me</c> or in READY.</summary>
public sealed record DiscordApplication
{
    /// <summary>Application id, needed for command registration and interaction follow-ups.</summary>
    public required string Id { get; init; }

    /// <summary>Application name (absent in READY's partial object).</summary>
    public string? Name { get; init; }
}
