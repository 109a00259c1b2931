using System.Text;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Outbox;
using ChatCoach.Discord.Rest;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// Slash commands: the user commands as turns, <c>/export</c> as files, <c>/start</c> outside the bot's DM as a DM,
/// and <c>/dialogs</c> for the operator's moderators. The first message answers the interaction, the rest follow;
/// outside the bot's own DM all of it is ephemeral.
/// </summary>
internal sealed class CommandHandler(
    ConversationService conversations,
    LiveScripts scripts,
    DialogsCommands dialogs,
    ReplySender sender,
    DiscordRestClient rest,
    TimeProvider time)
{
    public InteractionWork Start(Interaction interaction, DiscordUser user, DateTimeOffset tokenExpires, CancellationToken cancellationToken)
    {
        var texts = scripts.DefaultEngine.Script.Texts;
        var name = interaction.Data?.Name ?? string.Empty;
        if (user.Bot == true)
        {
            return Own(interaction, user.Id, tokenExpires, () => Text(texts.BotsRefused));
        }

        switch (name)
        {
            case "dialogs":
                return Own(interaction, user.Id, tokenExpires, () => dialogs.RunAsync(interaction, user.Id, cancellationToken));
            case "export":
                return Own(interaction, user.Id, tokenExpires, () => ExportAsync(user.Id, texts, cancellationToken));
        }

        if (!SlashCommands.UserCommands.TryGetValue(name, out var command))
        {
            return Own(interaction, user.Id, tokenExpires, () => Text(texts.UnknownCommand));
        }

        if (command == Command.Start && !DiscordPlaces.InBotDm(interaction))
        {
            return deliver => ContinueInDmAsync(interaction, user.Id, tokenExpires, texts, deliver, cancellationToken);
        }

        var composer = new DiscordComposer((replies, _) => Answer(interaction, DiscordReplies.RenderTogether(replies)), tokenExpires);
        var inbound = new Inbound(DiscordComposer.Platform, user.Id, Input.Run(command), EventId: $"command:{interaction.Id}") { Outbox = composer };
        return deliver => conversations.HandleAsync(inbound, response => deliver(composer.For(inbound, response, time.GetUtcNow())), cancellationToken);
    }

    /// <summary>The messages as the interaction's answer: the first answers it, the rest follow, all with its visibility.</summary>
    private static IEnumerable<Outgoing> Answer(Interaction interaction, IReadOnlyList<OutgoingMessage> messages)
    {
        var flags = DiscordPlaces.Visibility(interaction);
        for (var i = 0; i < messages.Count; i++)
        {
            var address = i == 0
                ? ReplyAddress.Initial(interaction.Id, interaction.ApplicationId, interaction.Token)
                : ReplyAddress.FollowUp(interaction.ApplicationId, interaction.Token);
            yield return new Outgoing(address, messages[i] with { Flags = messages[i].Flags | flags });
        }
    }

    /// <summary>An answer that is no turn: made and sent in line with the user's turns, not stored.</summary>
    private InteractionWork Own(Interaction interaction, string userId, DateTimeOffset tokenExpires, Func<Task<IReadOnlyList<OutgoingMessage>>> answer) =>
        deliver => conversations.InOrderAsync(DiscordComposer.Platform, userId, async () =>
        {
            var messages = await answer();
            await deliver(DiscordComposer.Rows(userId, Answer(interaction, messages), time.GetUtcNow(), tokenExpires));
            return true;
        });

    /// <summary>/start outside the bot's DM: the conversation goes to a DM, where only the user sees it.</summary>
    private async Task ContinueInDmAsync(Interaction interaction, string userId, DateTimeOffset tokenExpires, ScriptTexts texts,
        Func<IReadOnlyList<Core.Outbox.OutboxReply>, Task> deliver, CancellationToken cancellationToken)
    {
        var dm = await rest.CreateDmChannelAsync(userId, cancellationToken);
        var composer = new DiscordComposer((replies, _) => replies.SelectMany(r => DiscordReplies.Render(r)).Select(m => new Outgoing(ReplyAddress.Dm(dm.Id), m)), tokenExpires: null);
        var inbound = new Inbound(DiscordComposer.Platform, userId, Input.Open(), EventId: $"command:{interaction.Id}") { Outbox = composer };
        await conversations.HandleAsync(inbound, async response =>
        {
            var sent = await sender.SendAsync(composer.For(inbound, response, time.GetUtcNow()), cancellationToken);
            var note = sent == RowOutcome.Unreachable ? texts.DmsClosed : texts.OpenedDm;
            await deliver(DiscordComposer.Rows(userId, Answer(interaction, [new OutgoingMessage(note)]), time.GetUtcNow(), tokenExpires));
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<OutgoingMessage>> ExportAsync(string userId, ScriptTexts texts, CancellationToken cancellationToken) =>
        await conversations.ExportAsync(DiscordComposer.Platform, userId, cancellationToken) is { } export
            ? [new OutgoingMessage(texts.ExportReady)
            {
                Files =
                [
                    new DiscordFile("chatcoach-export.md", Encoding.UTF8.GetBytes(export.Markdown)) { ContentType = "text/markdown" },
                    new DiscordFile("chatcoach-export.json", Encoding.UTF8.GetBytes(export.Json)) { ContentType = "application/json" },
                ],
            }]
            : [new OutgoingMessage(texts.NothingStored)];

    private static Task<IReadOnlyList<OutgoingMessage>> Text(string text) => Task.FromResult<IReadOnlyList<OutgoingMessage>>([new OutgoingMessage(text)]);
}
