using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Outbox;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// A click on a button or a choice in a select: the turn it stands for, the question redrawn with the choice
/// highlighted, and the next replies: as channel messages in the bot's DM, as ephemeral follow-ups anywhere else.
/// </summary>
internal sealed class ComponentHandler(ConversationService conversations, LiveScripts scripts, OpenQuestions open, TimeProvider time)
{
    public InteractionWork Start(Interaction interaction, string userId, DateTimeOffset tokenExpires, CancellationToken cancellationToken)
    {
        var customId = interaction.Data?.CustomId ?? string.Empty;
        if (ComponentIds.Parse(customId, interaction.Data?.Values) is not { } input || interaction.ChannelId is not { } channel)
        {
            var stale = new Outgoing(ReplyAddress.FollowUp(interaction.ApplicationId, interaction.Token),
                new OutgoingMessage(scripts.DefaultEngine.Script.Texts.Stale) { Flags = MessageFlags.Ephemeral });
            return deliver => conversations.InOrderAsync(DiscordComposer.Platform, userId, async () =>
            {
                await deliver(DiscordComposer.Rows(userId, [stale], time.GetUtcNow(), tokenExpires));
                return true;
            });
        }

        var composer = new DiscordComposer((replies, outcome) => Render(interaction, customId, channel, userId, replies, outcome), tokenExpires);
        var inbound = new Inbound(DiscordComposer.Platform, userId, input, EventId: $"interaction:{interaction.Id}") { Outbox = composer };
        return deliver => conversations.HandleAsync(inbound, response => deliver(composer.For(inbound, response, time.GetUtcNow())), cancellationToken);
    }

    private IEnumerable<Outgoing> Render(Interaction interaction, string customId, string channel, string userId, IReadOnlyList<Reply> replies, TurnOutcome outcome)
    {
        var followUp = ReplyAddress.FollowUp(interaction.ApplicationId, interaction.Token);
        if (outcome == TurnOutcome.Stale)
        {
            foreach (var message in replies.SelectMany(r => DiscordReplies.Render(r, MessageFlags.Ephemeral)))
            {
                yield return new Outgoing(followUp, message);
            }

            yield break;
        }

        if (interaction.Message is { } question)
        {
            var selected = interaction.Data?.Values is [var value, ..] ? value : null;
            yield return new Outgoing(ReplyAddress.Original(interaction.ApplicationId, interaction.Token), DiscordReplies.Answered(question, customId, selected));
        }

        if (!DiscordPlaces.InBotDm(interaction))
        {
            // Nothing personal is ever posted where others can read it: the rest follows privately.
            foreach (var message in replies.SelectMany(r => DiscordReplies.Render(r, MessageFlags.Ephemeral)))
            {
                yield return new Outgoing(followUp, message);
            }

            yield break;
        }

        open.Take(userId);
        foreach (var message in replies.SelectMany(r => DiscordReplies.Render(r)))
        {
            yield return new Outgoing(ReplyAddress.Dm(channel), message);
        }
    }
}
