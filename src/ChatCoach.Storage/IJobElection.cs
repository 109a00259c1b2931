namespace ChatCoach.Storage;

/// <summary>
/// Elects the one replica that runs a periodic job (pruning handled events, ...). On SQLite there is one host, which
/// always leads; on PostgreSQL the leader holds an advisory lock named after the job, and when it dies its connection
/// closes, the lock goes, and the next replica to ask takes it.
/// </summary>
public interface IJobElection
{
    /// <summary>Whether this replica runs <paramref name="job"/> now; asking again keeps the lead or tries to take it.</summary>
    Task<bool> LeadsAsync(string job, CancellationToken cancellationToken);
}
