namespace ChatCoach.Core.Outbox;

/// <summary>
/// One reply on its way to a user, kept in the database from the transaction that saved its turn until the platform
/// confirms it (then deleted: it is personal data). Where it goes and what it says are the channel's business.
/// </summary>
public sealed class OutboxReply
{
    /// <summary>The store's id, set when the row is written (0 before); replies of one user go out in id order.</summary>
    public long Id { get; set; }

    /// <summary>The channel ("discord").</summary>
    public required string Platform { get; init; }

    /// <summary>The user the reply is for.</summary>
    public required string UserId { get; init; }

    /// <summary>Where the reply goes, in the channel's own terms (for Discord, a channel or an interaction route).</summary>
    public required string Address { get; init; }

    /// <summary>What is sent, in the channel's own terms (for Discord, the JSON payload).</summary>
    public required string Body { get; init; }

    /// <summary>When the turn that produced it was taken.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Past this instant the reply cannot be delivered any more (an interaction token's end) and is dropped.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>How many sends were tried.</summary>
    public int Attempts { get; set; }

    /// <summary>When the first send was tried, or null.</summary>
    public DateTimeOffset? FirstTriedAt { get; set; }

    /// <summary>When the retry sweeper may take it next.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
}
