using ChatCoach.Core.Engine;

namespace ChatCoach.Core.Conversations;

/// <summary>What a turn starts from: whether its event was handled already and, when it was not, the user's session.</summary>
/// <param name="Handled">The event id was handled before: the turn is a duplicate and must not run.</param>
/// <param name="Session">The user's session, or null when they have none (or the event was handled).</param>
public readonly record struct TurnStart(bool Handled, Session? Session);
