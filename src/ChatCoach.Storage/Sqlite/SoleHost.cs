namespace ChatCoach.Storage.Sqlite;

/// <summary>A SQLite file has one host, which runs every job.</summary>
internal sealed class SoleHost : IJobElection
{
    public Task<bool> LeadsAsync(string job, CancellationToken cancellationToken) => Task.FromResult(true);
}
