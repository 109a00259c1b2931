namespace ChatCoach.Storage;

/// <summary>A reply waiting for the platform's confirmation (<see cref="Core.Outbox.OutboxReply"/>); deleted once sent.</summary>
internal sealed class OutboxRow
{
    public long Id { get; set; }

    public required string Platform { get; set; }

    public required string UserId { get; set; }

    public required string Address { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? FirstTriedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }
}
