namespace ChatCoach.Discord.Models;

/// <summary>
/// A message ChatCoach sends: as a channel message, an interaction response, an edit or a follow-up.
/// Mentions never ping: every body carries <c>allowed_mentions: {"parse": []}</c>.
/// </summary>
public sealed record OutgoingMessage
{
    /// <summary>Discord's documented content limit; split longer text with <see cref="MessageSplitter"/>.</summary>
    public const int MaxContentLength = 2000;

    /// <summary>An empty message; set at least content, components or files.</summary>
    public OutgoingMessage()
    {
    }

    /// <summary>A plain text message.</summary>
    public OutgoingMessage(string content) => Content = content;

    /// <summary>Text (≤ 2000 characters).</summary>
    public string? Content
    {
        get;
        init => field = value is { Length: > MaxContentLength }
            ? throw new ArgumentException($"Content must be at most {MaxContentLength} characters (was {value.Length}); split it first.", nameof(Content))
            : value;
    }

    /// <summary>Up to five action rows.</summary>
    public IReadOnlyList<ActionRow>? Components
    {
        get;
        init => field = value is { Count: > ComponentLimits.MaxRowsPerMessage }
            ? throw new ArgumentException($"A message holds at most {ComponentLimits.MaxRowsPerMessage} action rows.", nameof(Components))
            : value;
    }

    /// <summary>Flags; <see cref="MessageFlags.Ephemeral"/> only on interaction responses and follow-ups.</summary>
    public MessageFlags Flags { get; init; }

    /// <summary>Makes a channel message a reply to this message id (ignored by interaction routes).</summary>
    public string? ReplyToMessageId { get; init; }

    /// <summary>Files to upload (≤ 10).</summary>
    public IReadOnlyList<DiscordFile>? Files
    {
        get;
        init => field = value is { Count: > 10 }
            ? throw new ArgumentException("A message holds at most 10 files.", nameof(Files))
            : value;
    }
}
