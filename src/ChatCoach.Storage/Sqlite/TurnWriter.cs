using ChatCoach.Core.Conversations;

namespace ChatCoach.Storage.Sqlite;

/// <summary>
/// Writes turns on one connection with group commit: turns that arrive while a transaction is being written wait
/// and go together in the next one, so a busy host pays one commit (and, with synchronous FULL, one flush) for many
/// users' turns. No turn's result is released before the transaction holding it has committed. A turn that arrives
/// while nothing is being written is written at once, on its caller's thread.
/// </summary>
internal sealed class TurnWriter(DatabaseOptions options) : IDisposable
{
    private readonly object _queueLock = new();
    private readonly object _connectionLock = new();
    private List<PendingTurn> _queue = [];
    private List<PendingTurn> _spare = [];
    private bool _writing;
    private Statements? _statements;
    private bool _disposed;

    public Task<SaveResult> SaveAsync(SavedTurn turn)
    {
        var pending = new PendingTurn(turn);
        lock (_queueLock)
        {
            _queue.Add(pending);
            if (_writing)
            {
                return pending.Task; // the writer at work takes it in its next transaction
            }

            _writing = true;
        }

        // Nobody was writing, so this caller writes, without a hand-off to another thread. What queued up meanwhile
        // goes to a pool thread, so this turn's reply is not held back by other users' turns.
        WriteQueued();
        if (!StopIfIdle())
        {
            ThreadPool.UnsafeQueueUserWorkItem(static writer => writer.Drain(), this, preferLocal: false);
        }

        return pending.Task;
    }

    /// <summary>Claims an event id in its own transaction; false when it was claimed or handled already.</summary>
    public bool Claim(string platform, string userId, string claim, DateTimeOffset at)
    {
        lock (_connectionLock)
        {
            var statements = Statements();
            using var transaction = statements.Connection.BeginTransaction();
            var claimed = statements.Claim(transaction, platform, userId, claim, at);
            transaction.Commit();
            return claimed;
        }
    }

    /// <summary>Deletes every row about a user, then checkpoints so the write-ahead log keeps no copy of them.</summary>
    public void Erase(string platform, string userId)
    {
        lock (_connectionLock)
        {
            var statements = Statements();
            using (var transaction = statements.Connection.BeginTransaction())
            {
                statements.Erase(transaction, platform, userId);
                transaction.Commit();
            }

            // secure_delete zeroes the freed pages in the database, but the WAL still holds the old page images
            // until a checkpoint copies them back and truncates it.
            statements.Checkpoint();
        }
    }

    public void Dispose()
    {
        lock (_connectionLock)
        {
            _disposed = true;
            _statements?.Dispose();
            _statements = null;
        }
    }

    private void Drain()
    {
        do
        {
            WriteQueued();
        }
        while (!StopIfIdle());
    }

    private bool StopIfIdle()
    {
        lock (_queueLock)
        {
            _writing = _queue.Count > 0;
            return !_writing;
        }
    }

    /// <summary>Writes everything queued in one transaction, then releases each turn's result.</summary>
    private void WriteQueued()
    {
        List<PendingTurn> batch;
        lock (_queueLock)
        {
            batch = _queue;
            _queue = _spare; // only the one writer at work swaps the lists
        }

        try
        {
            lock (_connectionLock)
            {
                var statements = Statements();
                using var transaction = statements.Connection.BeginTransaction(); // BEGIN IMMEDIATE: takes the write lock first
                foreach (var pending in batch)
                {
                    pending.Outcome = statements.Write(transaction, pending.Turn);
                }

                statements.WriteFunnel(transaction);
                transaction.Commit();
            }
        }
        catch (Exception e)
        {
            _statements?.DiscardFunnel();
            foreach (var pending in batch)
            {
                pending.SetException(e);
            }

            batch.Clear();
            _spare = batch;
            return;
        }

        // Durable now: the sessions take their new revision and the waiting turns go on.
        foreach (var pending in batch)
        {
            if (pending.Outcome == SaveResult.Saved)
            {
                pending.Turn.Session.Revision++;
            }

            pending.SetResult(pending.Outcome);
        }

        batch.Clear();
        _spare = batch;
    }

    private Statements Statements()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _statements ??= new Statements(SqliteConnections.Open(options));
    }

    /// <summary>A turn waiting for the transaction that saves it.</summary>
    private sealed class PendingTurn(SavedTurn turn) : TaskCompletionSource<SaveResult>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public SavedTurn Turn { get; } = turn;

        public SaveResult Outcome { get; set; }
    }
}
