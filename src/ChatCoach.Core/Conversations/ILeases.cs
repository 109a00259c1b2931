namespace ChatCoach.Core.Conversations;

/// <summary>
/// Named, expiring leases in the database that replicas share, each with a small state its holder keeps beside it
/// (a gateway shard's resume data), so that exactly one replica does a thing and the next one can pick it up.
/// </summary>
public interface ILeases
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for <paramref name="owner"/> until <paramref name="until"/> when it is free,
    /// expired at <paramref name="now"/>, or the owner's already. Returns the state its last holder left (whose state may
    /// be null), or null when another owner holds it.
    /// </summary>
    Task<LeaseGrant?> TryTakeAsync(string name, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Extends the owner's lease to <paramref name="until"/> and stores <paramref name="state"/>; false when it is not the owner's any more.</summary>
    Task<bool> RenewAsync(string name, string owner, DateTimeOffset until, string? state, CancellationToken cancellationToken);

    /// <summary>Gives the lease up at <paramref name="now"/>, leaving <paramref name="state"/> for the next holder; nothing when not the owner's.</summary>
    Task ReleaseAsync(string name, string owner, DateTimeOffset now, string? state, CancellationToken cancellationToken);
}

/// <summary>A lease taken, with the state its previous holder left (null when none).</summary>
public sealed record LeaseGrant(string? State);
