namespace ChatCoach.Core.Outbox;

/// <summary>
/// The pending replies, written with their turns (<see cref="Conversations.SavedTurn.Outbox"/>) and taken out by the
/// channel's sender once the platform confirms them. A store that keeps sessions implements it on the same database.
/// </summary>
public interface IReplyOutbox
{
    /// <summary>
    /// Takes up to <paramref name="max"/> rows that are due and are the oldest pending row of their user (so a
    /// user's replies keep their order), oldest first, and holds them for <paramref name="lease"/>.
    /// </summary>
    Task<IReadOnlyList<OutboxReply>> ClaimDueAsync(string platform, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>How many rows of <paramref name="platform"/> are not sent yet (due, leased or waiting for a retry).</summary>
    Task<int> CountPendingAsync(string platform, CancellationToken cancellationToken);

    /// <summary>Removes a row that was delivered, or that is dropped for good.</summary>
    Task MarkSentAsync(long id, CancellationToken cancellationToken);

    /// <summary>Records a failed try and when to try again.</summary>
    Task RetryAtAsync(long id, int attempts, DateTimeOffset firstTriedAt, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Deletes every pending row of a user.</summary>
    Task DeleteForUserAsync(string platform, string userId, CancellationToken cancellationToken);
}
