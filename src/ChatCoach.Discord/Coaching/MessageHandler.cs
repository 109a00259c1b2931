using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Outbox;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// Typed answers in the bot's own DM channel: each becomes a turn whose replies (and the retired buttons of the
/// question it answers) are saved with it and then sent. A message without text gets a short note and changes nothing.
/// </summary>
internal sealed partial class MessageHandler(
    ConversationService conversations,
    LiveScripts scripts,
    ReplySender sender,
    OpenQuestions open,
    DiscordOptions options,
    TimeProvider time,
    ILogger<MessageHandler> logger)
{
    private readonly FloodGate _flood = new(options.UserMessagesPer10s, time);

    public void Prune() => _flood.Prune();

    /// <summary>Handles a user's message in their DM with the bot.</summary>
    public Task HandleAsync(DiscordMessage message, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        sender.Reachable(userId);
        var texts = scripts.DefaultEngine.Script.Texts;
        switch (_flood.Check(userId))
        {
            case FloodVerdict.Noted:
                LogFlood();
                return NoteAsync(userId, message.ChannelId, texts.TooFast, cancellationToken);
            case FloodVerdict.Dropped:
                return Task.CompletedTask;
        }

        // Only default messages (0) and replies (19) carry what a person typed; an image or a sticker alone is not
        // an answer, not a failed try, and leaves a pending confirmation pending.
        if (message.Type is not (0 or 19))
        {
            return Task.CompletedTask;
        }

        if (string.IsNullOrWhiteSpace(message.Content))
        {
            return NoteAsync(userId, message.ChannelId, texts.TextOnly, cancellationToken);
        }

        var composer = new DiscordComposer((replies, outcome) => Render(message.ChannelId, userId, replies, outcome), tokenExpires: null);
        var inbound = new Inbound(DiscordComposer.Platform, userId, Input.Message(message.Content), EventId: $"message:{message.Id}") { Outbox = composer };
        return conversations.HandleAsync(inbound, response => sender.SendAsync(composer.For(inbound, response, time.GetUtcNow()), cancellationToken), cancellationToken);
    }

    private IEnumerable<Outgoing> Render(string channelId, string userId, IReadOnlyList<Reply> replies, TurnOutcome outcome)
    {
        if (outcome is TurnOutcome.Answered or TurnOutcome.Completed or TurnOutcome.Skipped or TurnOutcome.Restarted or TurnOutcome.Forgotten
            && open.Take(userId) is { } question)
        {
            yield return new Outgoing(ReplyAddress.Edit(question.ChannelId, question.Id), DiscordReplies.Answered(question, clickedId: string.Empty, selectedValue: null));
        }

        foreach (var message in replies.SelectMany(r => DiscordReplies.Render(r)))
        {
            yield return new Outgoing(ReplyAddress.Dm(channelId), message);
        }
    }

    private Task<RowOutcome> NoteAsync(string userId, string channelId, string text, CancellationToken cancellationToken) =>
        conversations.InOrderAsync(DiscordComposer.Platform, userId, () => sender.SendAsync(
            DiscordComposer.Rows(userId, [new Outgoing(ReplyAddress.Dm(channelId), new OutgoingMessage(text))], time.GetUtcNow(), tokenExpires: null),
            cancellationToken));

    [LoggerMessage(Level = LogLevel.Information, Message = "A user is sending messages too fast; extra messages are not coached")]
    private partial void LogFlood();
}
