using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;

namespace ChatCoach.Core.Outbox;

/// <summary>
/// Turns a turn's replies into outbox rows addressed the channel's way, before the turn is saved, so the rows commit
/// in the same transaction as the turn.
/// </summary>
public interface IReplyComposer
{
    /// <summary>The rows to write with the turn, in sending order.</summary>
    IReadOnlyList<OutboxReply> Compose(Inbound inbound, IReadOnlyList<Reply> replies, TurnOutcome outcome, DateTimeOffset now);
}
