using System.Collections.Concurrent;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Outbox;
using Npgsql;
using NpgsqlTypes;

namespace ChatCoach.Storage.Postgres;

/// <summary>
/// The session store on PostgreSQL, as lean as on SQLite: loads run prepared on connections the store keeps open, and
/// saves go through one <see cref="PostgresTurnWriter"/> (group commit, one round trip per group). Several replicas
/// share the database safely: a save applies only over the revision it loaded (per-user order without locks), and the
/// handled-events key makes each event's turn happen once, whichever replica gets there first.
/// </summary>
internal sealed class PostgresSessionStore : ISessionStore, IReplyOutbox, IAsyncDisposable
{
    private static readonly PostgresCommand LoadSession = new(Sql.LoadSession, ("@platform", NpgsqlDbType.Text), ("@user", NpgsqlDbType.Text));
    private static readonly PostgresCommand StartTurn = new(
        PostgresSql.StartTurn, ("@platform", NpgsqlDbType.Text), ("@user", NpgsqlDbType.Text), ("@event", NpgsqlDbType.Text));
    private static readonly PostgresCommand InsertEvent = new(
        Sql.InsertEvent, ("@event", NpgsqlDbType.Text), ("@platform", NpgsqlDbType.Text), ("@user", NpgsqlDbType.Text), ("@at", NpgsqlDbType.TimestampTz));

    private static readonly PostgresCommand[] Erase =
        [.. Schema.UserTables.Select(table => new PostgresCommand(Sql.EraseUser(table), ("@platform", NpgsqlDbType.Text), ("@user", NpgsqlDbType.Text)))];

    private static readonly PostgresCommand ClaimOutbox = new(
        PostgresSql.ClaimOutbox, ("@platform", NpgsqlDbType.Text), ("@now", NpgsqlDbType.TimestampTz), ("@leaseEnd", NpgsqlDbType.TimestampTz), ("@max", NpgsqlDbType.Integer));

    private static readonly PostgresCommand CountOutbox = new(Sql.CountOutbox, ("@platform", NpgsqlDbType.Text));
    private static readonly PostgresCommand DeleteOutbox = new(Sql.DeleteOutbox, ("@id", NpgsqlDbType.Bigint));
    private static readonly PostgresCommand RetryOutbox = new(
        Sql.RetryOutbox, ("@id", NpgsqlDbType.Bigint), ("@attempts", NpgsqlDbType.Integer), ("@first", NpgsqlDbType.TimestampTz), ("@next", NpgsqlDbType.TimestampTz));

    private static readonly PostgresCommand DeleteUserOutbox = new(
        Sql.EraseUser(Schema.Outbox.Table), ("@platform", NpgsqlDbType.Text), ("@user", NpgsqlDbType.Text));

    /// <summary>
    /// Loads open at most this many connections (each turn's two reads are short), so that a replica under load does
    /// not take the server's connection slots from the others; further loads wait for a free one.
    /// </summary>
    private const int MaxReaders = 16;

    private readonly NpgsqlDataSource _source;
    private readonly PostgresTurnWriter _writer;
    private readonly SemaphoreSlim _readerSlots = new(MaxReaders, MaxReaders);
    private readonly ConcurrentBag<Reader> _readers = [];
    private volatile bool _disposed;

    public PostgresSessionStore(NpgsqlDataSource source)
    {
        _source = source;
        _writer = new PostgresTurnWriter(source);
    }

    public async Task<Session?> LoadAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(userId);
        return await ReadAsync(reader => reader.LoadAsync(platform, userId, cancellationToken));
    }

    public async Task<TurnStart> StartTurnAsync(string platform, string userId, string? eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(userId);
        return await ReadAsync(reader => reader.StartTurnAsync(platform, userId, eventId, cancellationToken));
    }

    public Task<SaveResult> SaveAsync(SavedTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return _writer.SaveAsync(turn);
    }

    public async Task<bool> ClaimAsync(string platform, string userId, string claim, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var insert = InsertEvent.On(connection);
        Bind(insert, claim, platform, userId, at.ToUniversalTime());
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Deletes the user's rows, then vacuums the tables they were in so their space is reclaimed now. What stays in the
    /// write-ahead log until it is recycled is said in the README.
    /// </summary>
    public async Task EraseAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        await using (var deletes = new NpgsqlBatch(connection, transaction))
        {
            foreach (var erase in Erase)
            {
                deletes.BatchCommands.Add(erase.ForBatch(platform, userId));
            }

            await deletes.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var table in Schema.UserTables)
        {
            // VACUUM cannot run inside a transaction, so one statement at a time.
            await using var vacuum = new NpgsqlCommand(PostgresSql.Vacuum(table), connection);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<OutboxReply>> ClaimDueAsync(string platform, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var claim = ClaimOutbox.On(connection);
        Bind(claim, platform, now.ToUniversalTime(), (now + lease).ToUniversalTime(), max);
        var rows = new List<OutboxReply>();
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Sql.ReadOutbox(reader));
            }
        }

        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        return rows;
    }

    public async Task<int> CountPendingAsync(string platform, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var count = CountOutbox.On(connection);
        Bind(count, platform);
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task MarkSentAsync(long id, CancellationToken cancellationToken) => RunAsync(DeleteOutbox, cancellationToken, id);

    public Task RetryAtAsync(long id, int attempts, DateTimeOffset firstTriedAt, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        RunAsync(RetryOutbox, cancellationToken, id, attempts, firstTriedAt.ToUniversalTime(), nextAttemptAt.ToUniversalTime());

    public Task DeleteForUserAsync(string platform, string userId, CancellationToken cancellationToken) =>
        RunAsync(DeleteUserOutbox, cancellationToken, platform, userId);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _writer.DisposeAsync();
        while (_readers.TryTake(out var reader))
        {
            await reader.DisposeAsync();
        }

        _readerSlots.Dispose();
    }

    private async Task RunAsync(PostgresCommand statement, CancellationToken cancellationToken, params object?[] values)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var command = statement.On(connection);
        Bind(command, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(NpgsqlCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private async Task<T> ReadAsync<T>(Func<Reader, Task<T>> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _readerSlots.WaitAsync();
        try
        {
            if (!_readers.TryTake(out var reader))
            {
                reader = await Reader.OpenAsync(_source);
            }

            try
            {
                var result = await read(reader);
                _readers.Add(reader);
                return result;
            }
            catch
            {
                // The connection may be broken; the next read opens a fresh one.
                await reader.DisposeAsync();
                throw;
            }
        }
        finally
        {
            _readerSlots.Release();
        }
    }

    /// <summary>One open connection with its prepared queries; used by one turn at a time.</summary>
    private sealed class Reader : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlCommand _session;
        private readonly NpgsqlCommand _start;

        private Reader(NpgsqlConnection connection, NpgsqlCommand session, NpgsqlCommand start)
        {
            _connection = connection;
            _session = session;
            _start = start;
        }

        public static async Task<Reader> OpenAsync(NpgsqlDataSource source)
        {
            var connection = await source.OpenConnectionAsync();
            var session = LoadSession.On(connection);
            var start = StartTurn.On(connection);
            try
            {
                await session.PrepareAsync();
                await start.PrepareAsync();
                return new Reader(connection, session, start);
            }
            catch
            {
                await session.DisposeAsync();
                await start.DisposeAsync();
                await connection.DisposeAsync();
                throw;
            }
        }

        public async Task<Session?> LoadAsync(string platform, string userId, CancellationToken cancellationToken)
        {
            Bind(_session, platform, userId);
            await using var row = await _session.ExecuteReaderAsync(cancellationToken);
            return await row.ReadAsync(cancellationToken) ? Sql.ReadSession(row, platform, userId) : null;
        }

        public async Task<TurnStart> StartTurnAsync(string platform, string userId, string? eventId, CancellationToken cancellationToken)
        {
            Bind(_start, platform, userId, eventId);
            await using var row = await _start.ExecuteReaderAsync(cancellationToken);
            await row.ReadAsync(cancellationToken);
            return row.GetBoolean(8) ? new TurnStart(true, null)
                : new TurnStart(false, row.IsDBNull(0) ? null : Sql.ReadSession(row, platform, userId));
        }

        public async ValueTask DisposeAsync()
        {
            await _session.DisposeAsync();
            await _start.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
