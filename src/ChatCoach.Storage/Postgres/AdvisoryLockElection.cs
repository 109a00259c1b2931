using Npgsql;

namespace ChatCoach.Storage.Postgres;

/// <summary>Leads a job while holding its advisory lock on a connection kept open for it.</summary>
internal sealed class AdvisoryLockElection(NpgsqlDataSource source) : IJobElection, IAsyncDisposable
{
    private readonly Dictionary<string, NpgsqlConnection> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<bool> LeadsAsync(string job, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_held.TryGetValue(job, out var held))
            {
                if (await AliveAsync(held, cancellationToken))
                {
                    return true;
                }

                // The connection dropped, and the lock with it: another replica may lead now.
                _held.Remove(job);
                await held.DisposeAsync();
            }

            var connection = await source.OpenConnectionAsync(cancellationToken);
            if (await AdvisoryLock.TryTakeAsync(connection, job, cancellationToken))
            {
                _held[job] = connection;
                return true;
            }

            await connection.DisposeAsync();
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _held.Values)
        {
            await connection.DisposeAsync();
        }

        _held.Clear();
        _gate.Dispose();
    }

    private static async Task<bool> AliveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }
}
