using System.Collections.Concurrent;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Outbox;
using Microsoft.Data.Sqlite;

namespace ChatCoach.Storage.Sqlite;

/// <summary>
/// The session store on prepared SQLite commands. EF Core owns the schema and its migrations (<see cref="SqliteCoachDbContext"/>,
/// <see cref="DatabaseMigrator"/>); the per-turn path stays lean: loads run on a small pool of open connections (WAL
/// lets them read while a turn is written), and saves go through one <see cref="TurnWriter"/>, which commits several
/// users' turns in one transaction and releases none of them before that commit.
/// </summary>
internal sealed class SqliteSessionStore(DatabaseOptions options) : ISessionStore, IReplyOutbox, IDisposable
{
    private readonly ConcurrentBag<Reader> _readers = [];
    private readonly TurnWriter _writer = new(options);
    private readonly OutboxStatements _outbox = new(options);
    private volatile bool _disposed;

    public Task<Session?> LoadAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(userId);
        var reader = Rent();
        try
        {
            return Task.FromResult(reader.Load(platform, userId));
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    public Task<TurnStart> StartTurnAsync(string platform, string userId, string? eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(userId);
        var reader = Rent();
        try
        {
            return Task.FromResult(eventId is not null && reader.WasHandled(eventId) ? new TurnStart(true, null)
                : new TurnStart(false, reader.Load(platform, userId)));
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    public Task<SaveResult> SaveAsync(SavedTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return _writer.SaveAsync(turn);
    }

    public Task<bool> ClaimAsync(string platform, string userId, string claim, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(_writer.Claim(platform, userId, claim, at));

    public Task EraseAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        _writer.Erase(platform, userId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxReply>> ClaimDueAsync(string platform, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        Task.FromResult(_outbox.Claim(platform, now, now + lease, max));

    public Task<int> CountPendingAsync(string platform, CancellationToken cancellationToken) => Task.FromResult(_outbox.Count(platform));

    public Task MarkSentAsync(long id, CancellationToken cancellationToken)
    {
        _outbox.Delete(id);
        return Task.CompletedTask;
    }

    public Task RetryAtAsync(long id, int attempts, DateTimeOffset firstTriedAt, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        _outbox.Retry(id, attempts, firstTriedAt, nextAttemptAt);
        return Task.CompletedTask;
    }

    public Task DeleteForUserAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        _outbox.DeleteUser(platform, userId);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _disposed = true;
        _writer.Dispose();
        _outbox.Dispose();
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private Reader Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _readers.TryTake(out var reader) ? reader : new Reader(SqliteConnections.Open(options));
    }

    /// <summary>One open connection with its prepared queries; used by one turn at a time.</summary>
    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _session;
        private readonly SqliteCommand _handled;

        public Reader(SqliteConnection connection)
        {
            _connection = connection;
            _session = SqliteConnections.Prepare(connection, Sql.LoadSession, "@platform", "@user");
            _handled = SqliteConnections.Prepare(connection, Sql.IsHandled, "@event");
        }

        public Session? Load(string platform, string userId)
        {
            _session.Parameters[0].Value = platform;
            _session.Parameters[1].Value = userId;
            using var row = _session.ExecuteReader();
            if (!row.Read())
            {
                return null;
            }

            return Sql.ReadSession(row, platform, userId);
        }

        public bool WasHandled(string eventId)
        {
            _handled.Parameters[0].Value = eventId;
            return _handled.ExecuteScalar() is not null;
        }

        public void Dispose()
        {
            _session.Dispose();
            _handled.Dispose();
            _connection.Dispose();
        }
    }
}
