namespace ChatCoach.Discord.Emulator;

/// <summary>Append-only, thread-safe record list that tests can wait on.</summary>
internal sealed class EventLog<T>
    where T : class
{
    private readonly Lock _gate;
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Predicate, TaskCompletionSource<T> Completion)> _waiters = [];

    /// <param name="gate">
    /// Lock to use instead of a private one. Logs fed by REST handlers share <see cref="EmulatorCore.Gate"/>:
    /// with a private lock, a waiter's predicate (run under it) that reads a public snapshot would wait for
    /// the gate while the pipeline, holding the gate, waits for this lock to add an item.
    /// </param>
    public EventLog(Lock? gate = null) => _gate = gate ?? new();

    public void Add(T item)
    {
        List<(TaskCompletionSource<T> Completion, Exception? Error)> ready = [];
        lock (_gate)
        {
            _items.Add(item);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var (predicate, completion) = _waiters[i];
                try
                {
                    if (!predicate(item))
                    {
                        continue;
                    }

                    ready.Add((completion, null));
                }
#pragma warning disable CA1031 // A throwing test predicate must fail that wait, not the emulator.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    ready.Add((completion, e));
                }

                _waiters.RemoveAt(i);
            }
        }

        // Completing outside the lock: continuations may run inline and read the log.
        foreach (var (completion, error) in ready)
        {
            if (error is null)
            {
                completion.TrySetResult(item);
            }
            else
            {
                completion.TrySetException(error);
            }
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public async Task<T> WaitAsync(Func<T, bool> predicate, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (predicate, completion);
        lock (_gate)
        {
            foreach (var item in _items)
            {
                if (predicate(item))
                {
                    return item;
                }
            }

            _waiters.Add(waiter);
        }

        try
        {
            // Test-harness time, deliberately not the emulated clock: a fake clock must not stop a wait from timing out.
            return await completion.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            throw new TimeoutException($"No {what} matched within {timeout.TotalSeconds:0.###} s ({Snapshot().Count} recorded).");
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            throw;
        }
    }
}
