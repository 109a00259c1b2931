using System.Globalization;
using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Rest;

internal sealed record MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<MessageComponent>? Components { get; init; }

    // Echoing user text must never ping anyone, so this is not configurable.
    public AllowedMentionsPayload AllowedMentions { get; } = new();

    public int? Flags { get; init; }

    public MessageReferencePayload? MessageReference { get; init; }

    public IReadOnlyList<AttachmentPayload>? Attachments { get; init; }

    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    public static MessagePayload ForChannel(OutgoingMessage message, string? nonce)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Flags.HasFlag(MessageFlags.Ephemeral) || message.Flags.HasFlag(MessageFlags.Loading))
        {
            throw new ArgumentException("Ephemeral and loading flags exist only on interaction responses.", nameof(message));
        }

        return Common(message) with
        {
            MessageReference = message.ReplyToMessageId is { } id ? new MessageReferencePayload(id) : null,
            Nonce = nonce,
            EnforceNonce = nonce is null ? null : true,
        };
    }

    public static MessagePayload ForEdit(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Common(message);
    }

    public static MessagePayload ForInteraction(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Common(message);
    }

    private static MessagePayload Common(OutgoingMessage message) => new()
    {
        Content = message.Content,
        Components = message.Components?.Cast<MessageComponent>().ToArray(),
        Flags = message.Flags == MessageFlags.None ? null : (int)message.Flags,
        Attachments = message.Files?.Select((file, index) => new AttachmentPayload(index.ToString(CultureInfo.InvariantCulture), file.FileName) { Description = file.Description }).ToArray(),
    };
}
