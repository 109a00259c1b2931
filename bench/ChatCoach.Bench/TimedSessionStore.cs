using System.Diagnostics;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;

namespace ChatCoach.Bench;

/// <summary>Wraps a store to add up the time spent in each of its calls, so a run shows where a turn's time goes.</summary>
internal sealed class TimedSessionStore(ISessionStore inner) : ISessionStore
{
    private long _start;
    private long _save;

    /// <summary>
    /// Total ticks spent starting turns (the event check and the load, StartTurnAsync and LoadAsync after a conflict) and
    /// saving them (summed over every turn in flight).
    /// </summary>
    public (long Start, long Save) Ticks => (_start, _save);

    public async Task<Session?> LoadAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var session = await inner.LoadAsync(platform, userId, cancellationToken);
        Interlocked.Add(ref _start, Stopwatch.GetTimestamp() - start);
        return session;
    }

    public Task<bool> ClaimAsync(string platform, string userId, string claim, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.ClaimAsync(platform, userId, claim, at, cancellationToken);

    public async Task<TurnStart> StartTurnAsync(string platform, string userId, string? eventId, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var turn = await inner.StartTurnAsync(platform, userId, eventId, cancellationToken);
        Interlocked.Add(ref _start, Stopwatch.GetTimestamp() - start);
        return turn;
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
