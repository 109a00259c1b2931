using ChatCoach.Core.Conversations;
using Microsoft.Data.Sqlite;

namespace ChatCoach.Storage.Sqlite;

/// <summary>
/// The writer's connection and its prepared statements: one turn's rows (the session, checked against the revision it
/// was loaded at; the event id; transcript lines) and the funnel counters of a transaction's turns.
/// </summary>
internal sealed class Statements : IDisposable
{
    private readonly SqliteCommand _forgetEvent;
    private readonly SqliteCommand _insertSession;
    private readonly SqliteCommand _updateSession;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _insertTranscript;
    private readonly SqliteCommand _insertOutbox;
    private readonly SqliteCommand _count;
    private readonly SqliteCommand[] _erase;
    private readonly SqliteCommand _checkpoint;

    // The funnel counts of the transaction being written.
    private readonly FunnelTally _funnel = new();

    public Statements(SqliteConnection connection)
    {
        Connection = connection;
        _forgetEvent = SqliteConnections.Prepare(connection, Sql.ForgetEvent, "@event");
        _insertSession = SqliteConnections.Prepare(connection, Sql.InsertSession, Sql.SessionParameters);
        _updateSession = SqliteConnections.Prepare(connection, Sql.UpdateSession, Sql.SessionParameters);
        _insertEvent = SqliteConnections.Prepare(connection, Sql.InsertEvent, "@event", "@platform", "@user", "@at");
        _insertTranscript = SqliteConnections.Prepare(connection, Sql.InsertTranscript, "@platform", "@user", "@fromUser", "@text", "@at");
        _insertOutbox = SqliteConnections.Prepare(
            connection, Sql.InsertOutbox, "@platform", "@user", "@address", "@body", "@createdAt", "@expiresAt", "@next");
        _count = SqliteConnections.Prepare(connection, Sql.CountFunnel, "@version", "@node", "@event", "@count");
        _erase = [.. Schema.UserTables.Select(table => SqliteConnections.Prepare(connection, Sql.EraseUser(table), "@platform", "@user"))];
        _checkpoint = SqliteConnections.Prepare(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    public SqliteConnection Connection { get; }

    /// <summary>Writes one turn inside <paramref name="transaction"/>; when it is not <see cref="SaveResult.Saved"/>, nothing was written.</summary>
    public SaveResult Write(SqliteTransaction transaction, SavedTurn turn)
    {
        // The event id first: if it is already there, the event was handled and nothing is written.
        var session = turn.Session;
        if (turn.EventId is { } eventId && Run(_insertEvent, transaction, eventId, session.Platform, session.UserId, session.UpdatedAt.ToUniversalTime()) == 0)
        {
            return SaveResult.Duplicate;
        }

        // Optimistic concurrency: a new session must not exist yet, and an update applies only to the revision the
        // session was loaded at. Either way, no change means someone else saved first: the event id goes again.
        var write = session.Revision == 0 ? _insertSession : _updateSession;
        Sql.BindSession(write.Parameters, session);
        write.Transaction = transaction;
        if (write.ExecuteNonQuery() == 0)
        {
            if (turn.EventId is { } handled)
            {
                Run(_forgetEvent, transaction, handled);
            }

            return SaveResult.Conflict;
        }

        foreach (var reply in turn.Outbox)
        {
            Bind(_insertOutbox, transaction, reply.Platform, reply.UserId, reply.Address, reply.Body, reply.CreatedAt, (object?)reply.ExpiresAt ?? DBNull.Value, reply.NextAttemptAt);
            reply.Id = (long)_insertOutbox.ExecuteScalar()!;
        }

        foreach (var line in turn.Transcript ?? [])
        {
            Run(_insertTranscript, transaction, session.Platform, session.UserId, line.FromUser, line.Text, line.At);
        }

        _funnel.Add(turn);
        return SaveResult.Saved;
    }

    /// <summary>Adds the funnel counts of the transaction's saved turns to the counters, in the same transaction.</summary>
    public void WriteFunnel(SqliteTransaction transaction)
    {
        foreach (var ((version, node, what), count) in _funnel.Counts)
        {
            Run(_count, transaction, version, node, what, count);
        }

        _funnel.Clear();
    }

    /// <summary>Forgets the counts of a transaction that did not commit.</summary>
    public void DiscardFunnel() => _funnel.Clear();

    /// <summary>Records an event id unless it is there already; true when this call recorded it.</summary>
    public bool Claim(SqliteTransaction transaction, string platform, string userId, string claim, DateTimeOffset at) =>
        Run(_insertEvent, transaction, claim, platform, userId, at.ToUniversalTime()) == 1;

    public void Erase(SqliteTransaction transaction, string platform, string userId)
    {
        foreach (var delete in _erase)
        {
            Run(delete, transaction, platform, userId);
        }
    }

    /// <summary>
    /// Copies the whole write-ahead log into the database and truncates it. A load in flight on another connection
    /// can keep it from finishing (SQLite then reports it busy), so it is tried again for a moment.
    /// </summary>
    public void Checkpoint()
    {
        for (var attempt = 0; attempt < 50 && !CheckpointOnce(); attempt++)
        {
            Thread.Sleep(10);
        }
    }

    /// <summary>True when the checkpoint completed (its first column, "busy", is 0).</summary>
    private bool CheckpointOnce()
    {
        using var result = _checkpoint.ExecuteReader();
        return result.Read() && result.GetInt32(0) == 0;
    }

    public void Dispose()
    {
        foreach (var command in (SqliteCommand[])[_forgetEvent, _insertSession, _updateSession, _insertEvent, _insertTranscript, _insertOutbox, _count, _checkpoint, .. _erase])
        {
            command.Dispose();
        }

        Connection.Dispose();
    }

    /// <summary>Runs a prepared statement with its parameters in order; returns the number of rows it changed.</summary>
    private static int Run(SqliteCommand command, SqliteTransaction transaction, params object[] values)
    {
        Bind(command, transaction, values);
        return command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, SqliteTransaction transaction, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.Transaction = transaction;
    }
}
