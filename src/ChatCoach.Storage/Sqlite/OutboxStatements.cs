using ChatCoach.Core.Outbox;
using Microsoft.Data.Sqlite;

namespace ChatCoach.Storage.Sqlite;

/// <summary>
/// The reply outbox's own connection and prepared statements: claiming due rows, counting the pending ones, and marking
/// them sent or failed.
/// Rows are written with their turn by <see cref="Statements"/>; these run off the per-turn path.
/// </summary>
internal sealed class OutboxStatements(DatabaseOptions options) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _claim;
    private SqliteCommand? _count;
    private SqliteCommand? _delete;
    private SqliteCommand? _retry;
    private SqliteCommand? _deleteUser;
    private bool _disposed;

    public IReadOnlyList<OutboxReply> Claim(string platform, DateTimeOffset now, DateTimeOffset leaseEnd, int max)
    {
        lock (_gate)
        {
            Open();
            // Only a user's oldest pending row is due, so a later reply never overtakes an earlier one being retried.
            var claim = _claim!;
            claim.Parameters[0].Value = platform;
            claim.Parameters[1].Value = now;
            claim.Parameters[2].Value = leaseEnd;
            claim.Parameters[3].Value = max;
            var rows = new List<OutboxReply>();
            using var reader = claim.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(Sql.ReadOutbox(reader));
            }

            rows.Sort((a, b) => a.Id.CompareTo(b.Id));
            return rows;
        }
    }

    public int Count(string platform)
    {
        lock (_gate)
        {
            Open();
            _count!.Parameters[0].Value = platform;
            return Convert.ToInt32(_count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public void Delete(long id) => Run(() => _delete!, id);

    public void Retry(long id, int attempts, DateTimeOffset firstTriedAt, DateTimeOffset next) => Run(() => _retry!, id, attempts, firstTriedAt, next);

    public void DeleteUser(string platform, string userId) => Run(() => _deleteUser!, platform, userId);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var command in new[] { _claim, _count, _delete, _retry, _deleteUser })
            {
                command?.Dispose();
            }

            _connection?.Dispose();
            _connection = null;
        }
    }

    private void Run(Func<SqliteCommand> command, params object[] values)
    {
        lock (_gate)
        {
            Open();
            var statement = command();
            for (var i = 0; i < values.Length; i++)
            {
                statement.Parameters[i].Value = values[i];
            }

            statement.ExecuteNonQuery();
        }
    }

    private void Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connection is not null)
        {
            return;
        }

        _connection = SqliteConnections.Open(options);
        _claim = SqliteConnections.Prepare(_connection, Sql.ClaimOutbox, "@platform", "@now", "@leaseEnd", "@max");
        _count = SqliteConnections.Prepare(_connection, Sql.CountOutbox, "@platform");
        _delete = SqliteConnections.Prepare(_connection, Sql.DeleteOutbox, "@id");
        _retry = SqliteConnections.Prepare(_connection, Sql.RetryOutbox, "@id", "@attempts", "@first", "@next");
        _deleteUser = SqliteConnections.Prepare(_connection, Sql.EraseUser(Schema.Outbox.Table), "@platform", "@user");
    }
}
