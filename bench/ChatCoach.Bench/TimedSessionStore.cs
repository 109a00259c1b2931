using System.Diagnostics;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;

namespace ChatCoach.Bench;

/// <summary>Wraps a store to add up the time spent in each of its calls, so a run shows where a turn's time goes.</summary>
internal sealed class TimedSessionStore(ISessionStore inner) : ISessionStore
{
    private long _load;
    private long _handled;
    private long _save;

    /// <summary>Total ticks spent in LoadAsync, WasHandledAsync and SaveAsync (summed over every turn in flight).</summary>
    public (long Load, long Handled, long Save) Ticks => (_load, _handled, _save);

    public async Task<Session?> LoadAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var session = await inner.LoadAsync(platform, userId, cancellationToken);
        Interlocked.Add(ref _load, Stopwatch.GetTimestamp() - start);
        return session;
    }

    public Task<bool> ClaimAsync(string platform, string userId, string claim, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.ClaimAsync(platform, userId, claim, at, cancellationToken);

    public async Task<bool> WasHandledAsync(string eventId, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var handled = await inner.WasHandledAsync(eventId, cancellationToken);
        Interlocked.Add(ref _handled, Stopwatch.GetTimestamp() - start);
        return handled;
    }

    public async Task<SaveResult> SaveAsync(SavedTurn turn, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await inner.SaveAsync(turn, cancellationToken);
        Interlocked.Add(ref _save, Stopwatch.GetTimestamp() - start);
        return result;
    }

    public Task EraseAsync(string platform, string userId, CancellationToken cancellationToken) => inner.EraseAsync(platform, userId, cancellationToken);
}
