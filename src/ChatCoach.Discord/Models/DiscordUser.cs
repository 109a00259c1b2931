namespace ChatCoach.Discord.Models;

/// <summary>A Discord user as it appears in messages and interactions.</summary>
public sealed record DiscordUser
{
    /// <summary>Snowflake id.</summary>
    public required string Id { get; init; }

    /// <summary>Unique username.</summary>
    public string Username { get; init; } = "";

    /// <summary>Display name, if the user set one.</summary>
    public string? GlobalName { get; init; }

    /// <summary>True for bot accounts.</summary>
    public bool? Bot { get; init; }

    /// <summary>True for Discord's official system user.</summary>
    public bool? System { get; init; }
}
