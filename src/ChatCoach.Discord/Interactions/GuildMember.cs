using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Interactions;

/// <summary>The invoking member of a guild interaction.</summary>
public sealed record GuildMember
{
    /// <summary>The member's user.</summary>
    public DiscordUser? User { get; init; }

    /// <summary>Role ids.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Total permissions in the channel as a decimal bitfield string.</summary>
    public string? Permissions { get; init; }
}
