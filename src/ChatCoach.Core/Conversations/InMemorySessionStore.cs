using System.Collections.Concurrent;
using ChatCoach.Core.Engine;

namespace ChatCoach.Core.Conversations;

/// <summary>
/// A session store in memory, with the same contract as the durable one (revisions, duplicates). For checking
/// scripts before they go live, where nothing should touch the real database or its funnel.
/// </summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<(string, string), Session> _sessions = new();
    private readonly ConcurrentDictionary<string, bool> _handled = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<Session?> LoadAsync(string platform, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.TryGetValue((platform, userId), out var saved) ? Copy(saved) : null);

    /// <inheritdoc />
    public async Task<TurnStart> StartTurnAsync(string platform, string userId, string? eventId, CancellationToken cancellationToken) =>
        eventId is not null && _handled.ContainsKey(eventId) ? new TurnStart(true, null)
            : new TurnStart(false, await LoadAsync(platform, userId, cancellationToken));

    /// <inheritdoc />
    public Task<bool> ClaimAsync(string platform, string userId, string claim, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(_handled.TryAdd(claim, true));

    /// <inheritdoc />
    public Task<SaveResult> SaveAsync(SavedTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var session = turn.Session;
        var key = (session.Platform, session.UserId);
        lock (_sessions)
        {
            if (turn.EventId is { } id && _handled.ContainsKey(id))
            {
                return Task.FromResult(SaveResult.Duplicate);
            }

            var current = _sessions.GetValueOrDefault(key)?.Revision ?? 0;
            if (current != session.Revision)
            {
                return Task.FromResult(SaveResult.Conflict);
            }

            var saved = Copy(session);
            saved.Revision = session.Revision + 1;
            _sessions[key] = saved;
            if (turn.EventId is { } eventId)
            {
                _handled[eventId] = true;
            }

            session.Revision = saved.Revision;
            return Task.FromResult(SaveResult.Saved);
        }
    }

    /// <inheritdoc />
    public Task EraseAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        _sessions.TryRemove((platform, userId), out _);
        return Task.CompletedTask;
    }

    private static Session Copy(Session s) => new()
    {
        Platform = s.Platform,
        UserId = s.UserId,
        ScriptId = s.ScriptId,
        ScriptVersion = s.ScriptVersion,
        Node = s.Node,
        Answers = new(s.Answers, StringComparer.Ordinal),
        History = [.. s.History],
        Tries = s.Tries,
        Pending = s.Pending,
        Paused = s.Paused,
        SafetyQuestion = s.SafetyQuestion,
        PauseNoted = s.PauseNoted,
        Turn = s.Turn,
        CreatedAt = s.CreatedAt,
        UpdatedAt = s.UpdatedAt,
        Revision = s.Revision,
    };
}
