using ChatCoach.Core.Engine;
using ChatCoach.Core.Outbox;

namespace ChatCoach.Core.Conversations;

/// <summary>What the channel should show for an inbound event, once its turn is saved.</summary>
/// <param name="Replies">The bot's messages, in order.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Duplicate">True when the event was already handled: nothing changed and nothing is to be sent.</param>
public sealed record TurnResponse(IReadOnlyList<Reply> Replies, TurnOutcome Outcome, bool Duplicate = false)
{
    /// <summary>The replies as outbox rows committed with the turn (empty when the inbound had no composer, or the user was erased).</summary>
    public IReadOnlyList<OutboxReply> Outbox { get; init; } = [];

    internal static TurnResponse AlreadyHandled { get; } = new([], TurnOutcome.Command, Duplicate: true);
}
