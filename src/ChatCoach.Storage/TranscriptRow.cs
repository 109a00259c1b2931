namespace ChatCoach.Storage;

/// <summary>One message, kept only when an operator turns transcripts on.</summary>
internal sealed class TranscriptRow
{
    public long Id { get; set; }

    public required string Platform { get; set; }

    public required string UserId { get; set; }

    public bool FromUser { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset At { get; set; }
}
