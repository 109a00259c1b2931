namespace ChatCoach.Discord.Models;

/// <summary>Channel types ChatCoach distinguishes (PROTOCOL.md §6.7); other values pass through as numbers.</summary>
public enum DiscordChannelType
{
    /// <summary>A text channel in a guild.</summary>
    GuildText = 0,

    /// <summary>A direct message between the bot and one user.</summary>
    DirectMessage = 1,

    /// <summary>A group DM.</summary>
    GroupDirectMessage = 3,
}
