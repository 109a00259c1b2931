namespace ChatCoach.Discord.Models;

/// <summary>A (partial) channel object.</summary>
public sealed record ChannelInfo
{
    /// <summary>Snowflake id.</summary>
    public required string Id { get; init; }

    /// <summary>Channel type; <see cref="DiscordChannelType.DirectMessage"/> for DMs.</summary>
    public DiscordChannelType Type { get; init; }

    /// <summary>Guild the channel belongs to, absent for DMs.</summary>
    public string? GuildId { get; init; }
}
