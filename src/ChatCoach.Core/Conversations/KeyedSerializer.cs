namespace ChatCoach.Core.Conversations;

/// <summary>
/// Runs work for the same key one at a time, in arrival order, while different keys run in parallel:
/// each call chains onto the tail of its key's queue.
/// </summary>
public sealed class KeyedSerializer
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="work"/> after every earlier call with the same key has finished.</summary>
    public async Task<T> RunAsync<T>(string key, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Task previous;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_tails)
        {
            previous = _tails.GetValueOrDefault(key, Task.CompletedTask);
            _tails[key] = done.Task;
        }

        try
        {
            await previous.ConfigureAwait(false);
            return await work().ConfigureAwait(false);
        }
        finally
        {
            lock (_tails)
            {
                // Only the last in line removes the key, so the dictionary holds just the users being served.
                if (_tails.TryGetValue(key, out var tail) && tail == done.Task)
                {
                    _tails.Remove(key);
                }
            }

            done.SetResult();
        }
    }
}
