namespace ChatCoach.Discord.Gateway;

/// <summary>Gateway intent bits (PROTOCOL.md §1.7). Only the ones ChatCoach may plausibly use are named.</summary>
[Flags]
public enum GatewayIntents
{
    /// <summary>No intents.</summary>
    None = 0,

    /// <summary>Guild lifecycle events.</summary>
    Guilds = 1 << 0,

    /// <summary>Messages in guild channels (content needs <see cref="MessageContent"/>).</summary>
    GuildMessages = 1 << 9,

    /// <summary>Messages in DMs; content is included without the privileged intent.</summary>
    DirectMessages = 1 << 12,

    /// <summary>Privileged: unlocks message content outside DMs and mentions.</summary>
    MessageContent = 1 << 15,
}
