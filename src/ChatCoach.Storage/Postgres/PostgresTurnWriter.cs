using System.Collections.Concurrent;
using ChatCoach.Core.Conversations;
using Npgsql;
using NpgsqlTypes;

namespace ChatCoach.Storage.Postgres;

/// <summary>
/// Writes turns with group commit: the turns that arrive while a group is being written go together in the next one,
/// sent as one batch in one round trip (one statement per turn, then the group's funnel counts) that the server runs as
/// one transaction and commits before it answers. No turn's result is released before that. A few writers work at
/// once, each on its own connection, so the server is busy while a commit waits for the disk. Turns are written in key
/// order, so writers (here or on other replicas) lock shared rows in one order; a deadlock the server still reports is
/// written again.
/// </summary>
internal sealed class PostgresTurnWriter(NpgsqlDataSource source) : IAsyncDisposable
{
    private const int MaxWriters = 4;
    private const int MaxAttempts = 5;

    private static readonly (string, NpgsqlDbType)[] TurnParameters =
    [
        ("@platform", NpgsqlDbType.Text), ("@user", NpgsqlDbType.Text), ("@scriptId", NpgsqlDbType.Text),
        ("@scriptVersion", NpgsqlDbType.Text), ("@node", NpgsqlDbType.Text), ("@turn", NpgsqlDbType.Integer),
        ("@state", NpgsqlDbType.Text), ("@createdAt", NpgsqlDbType.TimestampTz), ("@updatedAt", NpgsqlDbType.TimestampTz),
        ("@revision", NpgsqlDbType.Bigint), ("@event", NpgsqlDbType.Text), ("@at", NpgsqlDbType.TimestampTz),
        ("@fromUser", NpgsqlDbType.Array | NpgsqlDbType.Boolean), ("@text", NpgsqlDbType.Array | NpgsqlDbType.Text),
        ("@lineAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz), ("@fromNode", NpgsqlDbType.Text), ("@outcome", NpgsqlDbType.Text),
        ("@replyAddress", NpgsqlDbType.Array | NpgsqlDbType.Text), ("@replyBody", NpgsqlDbType.Array | NpgsqlDbType.Text),
        ("@replyCreatedAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz), ("@replyExpiresAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz),
        ("@replyNext", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz),
    ];

    private static readonly PostgresCommand SaveNew = new(PostgresSql.SaveNewSession, TurnParameters);
    private static readonly PostgresCommand Save = new(PostgresSql.SaveSession, TurnParameters);
    private static readonly PostgresCommand Count = new(PostgresSql.CountTurnFunnel);

    private static readonly bool[] NoFlags = [];
    private static readonly string[] NoTexts = [];
    private static readonly DateTimeOffset[] NoTimes = [];
    private static readonly DateTimeOffset?[] NoMaybeTimes = [];

    private readonly Lock _queueLock = new();
    private readonly ConcurrentBag<NpgsqlConnection> _connections = [];
    private List<PendingTurn> _queue = [];
    private int _writers;
    private bool _disposed;

    public Task<SaveResult> SaveAsync(SavedTurn turn)
    {
        var pending = new PendingTurn(turn);
        lock (_queueLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Add(pending);
            if (_writers == MaxWriters)
            {
                return pending.Task; // a writer at work takes it in its next group
            }

            _writers++;
        }

        _ = DrainAsync(); // it runs on this thread until its first wait on the server; it never throws
        return pending.Task;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_queueLock)
        {
            _disposed = true;
        }

        while (_connections.TryTake(out var connection))
        {
            await connection.DisposeAsync();
        }
    }

    private async Task DrainAsync()
    {
        NpgsqlConnection? connection = null;
        while (true)
        {
            List<PendingTurn> batch;
            lock (_queueLock)
            {
                if (_queue.Count == 0 || _disposed)
                {
                    _writers--;
                    foreach (var abandoned in _queue)
                    {
                        abandoned.TrySetException(new ObjectDisposedException(nameof(PostgresTurnWriter)));
                    }

                    _queue.Clear();
                    break;
                }

                batch = _queue;
                _queue = [];
            }

            connection = await WriteAsync(connection, batch);
        }

        if (connection is not null)
        {
            _connections.Add(connection);
        }
    }

    /// <summary>Writes a group, then releases each turn's result (or the error, to every turn); the connection to go on with.</summary>
    private async Task<NpgsqlConnection?> WriteAsync(NpgsqlConnection? connection, List<PendingTurn> batch)
    {
        batch.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                connection ??= await OpenAsync();
                await WriteOnceAsync(connection, batch);
                break;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                                              && attempt < MaxAttempts)
            {
                // Nothing of the group was committed: write it again.
            }
            catch (Exception e)
            {
                // The connection may be broken; the next group opens a fresh one.
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }

                foreach (var pending in batch)
                {
                    pending.TrySetException(e);
                }

                return null;
            }
        }

        // Committed: the sessions take their new revision and the waiting turns go on.
        foreach (var pending in batch)
        {
            if (pending.Outcome == SaveResult.Saved)
            {
                pending.Turn.Session.Revision++;
                for (var i = 0; i < pending.Turn.Outbox.Count; i++)
                {
                    pending.Turn.Outbox[i].Id = pending.OutboxIds[i];
                }
            }

            pending.TrySetResult(pending.Outcome);
        }

        return connection;
    }

    /// <summary>
    /// One batch without an explicit transaction: PostgreSQL runs the statements before the batch's single Sync as one
    /// implicit transaction and commits it (durably, with its defaults) before the last result arrives.
    /// </summary>
    private static async Task WriteOnceAsync(NpgsqlConnection connection, List<PendingTurn> batch)
    {
        await using var group = new NpgsqlBatch(connection);
        foreach (var pending in batch)
        {
            group.BatchCommands.Add(Command(pending.Turn));
        }

        group.BatchCommands.Add(Count.ForBatch());
        await using var results = await group.ExecuteReaderAsync();
        foreach (var pending in batch)
        {
            await results.ReadAsync();
            pending.Outcome = results.GetBoolean(0) ? SaveResult.Saved : results.GetBoolean(1) ? SaveResult.Duplicate : SaveResult.Conflict;
            pending.OutboxIds = results.GetFieldValue<long[]>(2);
            await results.NextResultAsync();
        }

        while (await results.NextResultAsync())
        {
            // Reading to the end is reading to the commit.
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        if (_connections.TryTake(out var pooled))
        {
            return pooled;
        }

        var connection = await source.OpenConnectionAsync();
        await using var create = new NpgsqlCommand(PostgresSql.CreateTurnFunnel, connection);
        await create.ExecuteNonQueryAsync();
        return connection;
    }

    private static NpgsqlBatchCommand Command(SavedTurn turn)
    {
        var session = turn.Session;
        var command = (session.Revision == 0 ? SaveNew : Save).ForBatch();
        var values = command.Parameters;
        Sql.BindSession(values, session);
        values[10].Value = (object?)turn.EventId ?? DBNull.Value;
        values[11].Value = session.UpdatedAt.ToUniversalTime();
        var lines = turn.Transcript ?? [];
        values[12].Value = lines.Count == 0 ? NoFlags : lines.Select(l => l.FromUser).ToArray();
        values[13].Value = lines.Count == 0 ? NoTexts : lines.Select(l => l.Text).ToArray();
        values[14].Value = lines.Count == 0 ? NoTimes : lines.Select(l => l.At.ToUniversalTime()).ToArray();
        values[15].Value = (object?)turn.FromNode ?? DBNull.Value;
        values[16].Value = turn.Outcome.ToString();
        var replies = turn.Outbox;
        values[17].Value = replies.Count == 0 ? NoTexts : replies.Select(r => r.Address).ToArray();
        values[18].Value = replies.Count == 0 ? NoTexts : replies.Select(r => r.Body).ToArray();
        values[19].Value = replies.Count == 0 ? NoTimes : replies.Select(r => r.CreatedAt.ToUniversalTime()).ToArray();
        values[20].Value = replies.Count == 0 ? NoMaybeTimes : replies.Select(r => r.ExpiresAt?.ToUniversalTime()).ToArray();
        values[21].Value = replies.Count == 0 ? NoTimes : replies.Select(r => r.NextAttemptAt.ToUniversalTime()).ToArray();
        return command;
    }

    /// <summary>A turn waiting for the transaction that saves it.</summary>
    private sealed class PendingTurn(SavedTurn turn) : TaskCompletionSource<SaveResult>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public SavedTurn Turn { get; } = turn;

        public string Key { get; } = $"{turn.Session.Platform}\n{turn.Session.UserId}";

        public SaveResult Outcome { get; set; }

        /// <summary>The ids the outbox gave the turn's replies, in their order.</summary>
        public long[] OutboxIds { get; set; } = [];
    }
}
