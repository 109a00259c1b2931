using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;

namespace ChatCoach.Bench;

/// <summary>
/// The <see cref="ISessionStore"/> contract in memory, so a run measures the engine and the conversation service
/// alone: sessions are copied in and out (the service mutates what it loads), revisions are checked and event
/// ids deduplicated like the real store does.
/// </summary>
internal sealed class MemorySessionStore : ISessionStore
{
    private readonly Dictionary<(string, string), Session> _sessions = [];
    private readonly HashSet<string> _handled = new(StringComparer.Ordinal);

    public Task<Session?> LoadAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        lock (_sessions)
        {
            return Task.FromResult(_sessions.TryGetValue((platform, userId), out var saved) ? Copy(saved) : null);
        }
    }

    public Task<bool> ClaimAsync(string platform, string userId, string claim, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_sessions)
        {
            return Task.FromResult(_handled.Add(claim));
        }
    }

    public Task<bool> WasHandledAsync(string eventId, CancellationToken cancellationToken)
    {
        lock (_sessions)
        {
            return Task.FromResult(_handled.Contains(eventId));
        }
    }

    public Task<SaveResult> SaveAsync(SavedTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var session = turn.Session;
        lock (_sessions)
        {
            if (turn.EventId is { } eventId && _handled.Contains(eventId))
            {
                return Task.FromResult(SaveResult.Duplicate);
            }

            var stored = _sessions.GetValueOrDefault((session.Platform, session.UserId))?.Revision ?? 0;
            if (stored != session.Revision)
            {
                return Task.FromResult(SaveResult.Conflict);
            }

            if (turn.EventId is { } id)
            {
                _handled.Add(id);
            }

            session.Revision++;
            _sessions[(session.Platform, session.UserId)] = Copy(session);
            return Task.FromResult(SaveResult.Saved);
        }
    }

    public Task EraseAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        lock (_sessions)
        {
            _sessions.Remove((platform, userId));
            return Task.CompletedTask;
        }
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
        Turn = s.Turn,
        CreatedAt = s.CreatedAt,
        UpdatedAt = s.UpdatedAt,
        Revision = s.Revision,
    };
}
