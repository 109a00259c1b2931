using ChatCoach.Core.Engine;
using ChatCoach.Core.Outbox;

namespace ChatCoach.Core.Conversations;

/// <summary>Durable conversation state. Every turn is saved atomically, with its event id, before its replies are shown.</summary>
public interface ISessionStore
{
    /// <summary>The user's session, or null when they have none.</summary>
    Task<Session?> LoadAsync(string platform, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// What a turn on <paramref name="eventId"/> (null: an event without an id) starts from: whether the event was
    /// handled already and, if not, the user's session. One call, so a store on a server answers in one round trip.
    /// </summary>
    Task<TurnStart> StartTurnAsync(string platform, string userId, string? eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims an event for this process before acting on it outside a turn (acknowledging an interaction), so two
    /// hosts on one database never both act. Returns false when another process claimed it first.
    /// </summary>
    Task<bool> ClaimAsync(string platform, string userId, string claim, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Saves one turn atomically: the session, the event id, the outbox rows, and the transcript lines when kept.</summary>
    Task<SaveResult> SaveAsync(SavedTurn turn, CancellationToken cancellationToken);

    /// <summary>Deletes every row about the user, leaving nothing readable in the database file.</summary>
    Task EraseAsync(string platform, string userId, CancellationToken cancellationToken);
}

/// <summary>One turn to save.</summary>
/// <param name="Session">The session after the turn; its <see cref="Session.Revision"/> is the one it was loaded at.</param>
/// <param name="EventId">The platform's event id, or null.</param>
/// <param name="Outcome">What happened, for the funnel.</param>
/// <param name="Transcript">The messages of the turn, only when transcripts are switched on.</param>
public sealed record SavedTurn(Session Session, string? EventId, TurnOutcome Outcome, IReadOnlyList<TranscriptLine>? Transcript)
{
    /// <summary>The node the turn started at (null before the conversation opened), for the funnel.</summary>
    public string? FromNode { get; init; }

    /// <summary>The turn's replies to deliver, written in the same transaction; the store sets their ids.</summary>
    public IReadOnlyList<OutboxReply> Outbox { get; init; } = [];
}

/// <summary>One message of a transcript.</summary>
public sealed record TranscriptLine(bool FromUser, string Text, DateTimeOffset At);

/// <summary>How a save went.</summary>
public enum SaveResult
{
    /// <summary>Saved.</summary>
    Saved,

    /// <summary>The event id was already handled; nothing was saved.</summary>
    Duplicate,

    /// <summary>Someone else saved the session since it was loaded; load it again and retry the turn.</summary>
    Conflict,
}
