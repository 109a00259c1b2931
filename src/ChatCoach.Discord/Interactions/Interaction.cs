using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Interactions;

/// <summary>An interaction delivered by INTERACTION_CREATE. Answer it within 3 s with a callback.</summary>
public sealed record Interaction
{
    /// <summary>Interaction id, part of the callback URL.</summary>
    public required string Id { get; init; }

    /// <summary>Application id, part of follow-up URLs.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>Interaction kind.</summary>
    public InteractionType Type { get; init; }

    /// <summary>Continuation token, valid 15 minutes. Treat it as a secret.</summary>
    public required string Token { get; init; }

    /// <summary>Command or component data.</summary>
    public InteractionData? Data { get; init; }

    /// <summary>Guild id; absent in DMs.</summary>
    public string? GuildId { get; init; }

    /// <summary>Channel id.</summary>
    public string? ChannelId { get; init; }

    /// <summary>Partial channel; its type is 1 in a DM.</summary>
    public ChannelInfo? Channel { get; init; }

    /// <summary>Invoking member, in guilds only.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Invoking user, in DMs only.</summary>
    public DiscordUser? User { get; init; }

    /// <summary>The message a clicked component belongs to.</summary>
    public DiscordMessage? Message { get; init; }

    /// <summary>Invoking user's language.</summary>
    public string? Locale { get; init; }

    /// <summary>Where it was invoked: 0 guild, 1 bot DM, 2 private channel.</summary>
    public int? Context { get; init; }

    /// <summary>The invoking user, whether in a guild or a DM.</summary>
    public DiscordUser? InvokingUser => Member?.User ?? User;

    /// <summary>True when invoked in the user's DM with the bot (context 1; a DM between other people is context 2).</summary>
    public bool IsDirectMessage => Context is { } context
        ? context == 1
        : Channel?.Type == DiscordChannelType.DirectMessage || (Channel is null && GuildId is null && Member is null && User is not null);
}
