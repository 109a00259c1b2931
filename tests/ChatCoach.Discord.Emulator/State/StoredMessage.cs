using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.State;

/// <summary>Mutable message state; only touched under <see cref="MessageStore"/>'s lock.</summary>
internal sealed class StoredMessage
{
    public required string Id { get; init; }

    public required ChannelRecord Channel { get; init; }

    public required string AuthorId { get; init; }

    public required JsonObject Author { get; init; }

    public required bool ByBot { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public MessageOrigin Origin { get; init; }

    public int Type { get; init; }

    public string Content { get; set; } = string.Empty;

    public JsonArray Embeds { get; set; } = [];

    public JsonArray Components { get; set; } = [];

    public JsonArray Attachments { get; set; } = [];

    public JsonArray Mentions { get; set; } = [];

    public List<RecordedAttachment> Files { get; } = [];

    public int Flags { get; set; }

    public bool Tts { get; init; }

    public JsonNode? Nonce { get; init; }

    public JsonObject? MessageReference { get; init; }

    public string? ReferencedMessageId { get; init; }

    public string? WebhookId { get; init; }

    public string? ApplicationId { get; init; }

    public JsonObject? InteractionMetadata { get; init; }

    public string? InteractionId { get; init; }

    public DateTimeOffset? EditedAt { get; set; }

    public int Revision { get; set; }

    public bool Deleted { get; set; }
}
