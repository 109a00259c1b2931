namespace ChatCoach.Discord.Models;

/// <summary>The parts of a message object ChatCoach reads; unknown fields are ignored.</summary>
public sealed record DiscordMessage
{
    /// <summary>Snowflake id.</summary>
    public required string Id { get; init; }

    /// <summary>Channel the message was posted in; reply by posting to it.</summary>
    public required string ChannelId { get; init; }

    /// <summary>Guild id; absent in DMs and on ephemeral messages.</summary>
    public string? GuildId { get; init; }

    /// <summary>Type of the channel, sent with MESSAGE_CREATE (1 = DM).</summary>
    public DiscordChannelType? ChannelType { get; init; }

    /// <summary>Author; for webhook messages this is the webhook.</summary>
    public DiscordUser? Author { get; init; }

    /// <summary>Text content.</summary>
    public string Content { get; init; } = "";

    /// <summary>Message type (0 default, 19 reply, 20 slash command response…).</summary>
    public int Type { get; init; }

    /// <summary>Flag bits.</summary>
    public MessageFlags? Flags { get; init; }

    /// <summary>Set when a webhook posted the message.</summary>
    public string? WebhookId { get; init; }

    /// <summary>When the message was sent.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The message's components as received (action rows of buttons or selects), for rebuilding them.</summary>
    public System.Text.Json.JsonElement? Components { get; init; }
}
