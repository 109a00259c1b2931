namespace ChatCoach.Storage;

/// <summary>An event id already handled, so a redelivered event is a no-op. Kept for a while, then pruned.</summary>
internal sealed class HandledEventRow
{
    public required string EventId { get; set; }

    public required string Platform { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset HandledAt { get; set; }
}
