using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Outbox;
using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Outbox;

/// <summary>One message of a turn and where it goes.</summary>
internal sealed record Outgoing(ReplyAddress Address, OutgoingMessage Message);

/// <summary>
/// Addresses a turn's replies the Discord way (<paramref name="render"/> decides where each goes) and serialises them
/// into outbox rows; rows through an interaction expire with its token.
/// </summary>
internal sealed class DiscordComposer(Func<IReadOnlyList<Reply>, TurnOutcome, IEnumerable<Outgoing>> render, DateTimeOffset? tokenExpires)
    : IReplyComposer
{
    public const string Platform = "discord";

    public IReadOnlyList<OutboxReply> Compose(Inbound inbound, IReadOnlyList<Reply> replies, TurnOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return Rows(inbound.UserId, render(replies, outcome), now, tokenExpires);
    }

    /// <summary>
    /// The rows to send for a turn: those saved with it, or, when the user was erased (nothing is stored any more, so
    /// neither are its replies), the same replies as rows sent without being stored. None for a duplicate.
    /// </summary>
    public IReadOnlyList<OutboxReply> For(Inbound inbound, TurnResponse response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Duplicate ? [] : response.Outbox.Count > 0 ? response.Outbox : Compose(inbound, response.Replies, response.Outcome, now);
    }

    /// <summary>Rows for messages that belong to no turn (notes, command answers); they are sent without being stored.</summary>
    public static List<OutboxReply> Rows(string userId, IEnumerable<Outgoing> messages, DateTimeOffset now, DateTimeOffset? tokenExpires) =>
    [
        .. messages.Select(m => new OutboxReply
        {
            Platform = Platform,
            UserId = userId,
            Address = m.Address.ToString(),
            Body = StoredPayload.Serialize(m.Address, m.Message),
            CreatedAt = now,
            ExpiresAt = m.Address.ViaInteraction ? tokenExpires : null,
            NextAttemptAt = now,
        }),
    ];
}
