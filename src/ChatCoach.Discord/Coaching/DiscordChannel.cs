using System.Collections.Concurrent;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;
using ChatCoach.Discord.Gateway;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// The coaching conversation in Discord direct messages: gateway events become inbound turns, replies go back to
/// the DM channel with buttons for choices. Events of one user are handled in order, one at a time; interactions
/// are acknowledged at once, before the turn, so the three-second deadline holds however busy the bot is.
/// </summary>
public sealed partial class DiscordChannel(
    ConversationService conversations,
    LiveScripts scripts,
    IScriptHistory history,
    IBotState state,
    DiscordOptions options,
    HttpClient http,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers) : BackgroundService
{
    private const string Platform = "discord";
    private const string FloodNote = "You're sending messages faster than I can coach. I'll read your next ones in a few seconds; nothing you send slowly will be lost.";
    private const string StaleNote = "That question was already answered, so your answer stays as it was. The open question is the latest message.";
    private const string OpenedDm = "I've sent you a direct message: let's continue there, where only you can see it.";
    private const string DmsClosed = "I couldn't send you a direct message. To allow it: open this server's menu, choose Privacy Settings and turn on Direct Messages (or allow DMs from server members in your User Settings), then use /start again.";
    private const string NothingStored = "I have nothing stored about you.";
    private const string BotsRefused = "ChatCoach coaches people; other bots can't use its commands.";
    private const string UnknownCommand = "I don't know that command. Try /help.";
    private const string ModeratorsOnly = "Only moderators can use /dialogs: members with Manage Server, or with a moderator role. It works in a server, not in DMs.";

    /// <summary>Interaction tokens last 15 minutes; past this age a token is not used any more.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(14.5);

    private readonly ILogger _logger = loggers.CreateLogger<DiscordChannel>();
    private readonly KeyedSerializer _perUser = new();
    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();
    private readonly FloodGate _flood = new(options.UserMessagesPer10s, time);
    private readonly DialogsCommands _dialogs = new(scripts, history, http);

    // The last message with buttons sent to each user in a DM, so an answer typed instead of clicked can retire
    // its buttons. In memory only: after a restart an old button still works as far as a stale click goes.
    private readonly ConcurrentDictionary<string, DiscordMessage> _openButtons = new(StringComparer.Ordinal);

    /// <summary>Why Discord refused the bot for good (bad token, disallowed intents…), or null while all is well.</summary>
    public string? Failure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var client = options.ToClientOptions();
        using var rest = new DiscordRestClient(http, client, time, loggers.CreateLogger<DiscordRestClient>());
        var gateway = new DiscordGatewayClient(client, rest, time, random: null, loggers.CreateLogger<DiscordGatewayClient>());
        var run = gateway.RunAsync(stoppingToken);
        try
        {
            await foreach (var e in gateway.Events.ReadAllAsync(stoppingToken))
            {
                Dispatch(e, rest, stoppingToken);
            }

            await run;
        }
        catch (DiscordGatewayException e)
        {
            Failure = e.Message;
            LogFatal(e.Message);
            lifetime.StopApplication();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the turns in flight finish below.
        }
        finally
        {
            await Task.WhenAll(_inFlight.Keys);
        }
    }

    private void Dispatch(GatewayEvent e, DiscordRestClient rest, CancellationToken cancellationToken)
    {
        switch (e)
        {
            case MessageCreateEvent { IsDirectMessage: true, IsFromUser: true, Message.Author: { } author } message:
                switch (_flood.Check(author.Id))
                {
                    case FloodVerdict.Allowed:
                        Track(author.Id, () => OnMessageAsync(message.Message, author.Id, rest, cancellationToken));
                        break;
                    case FloodVerdict.Noted:
                        LogFlood();
                        Track(author.Id, () => SendAsync(rest, message.Message.ChannelId, [new OutgoingMessage(FloodNote)], cancellationToken));
                        break;
                }

                break;
            case InteractionCreateEvent { Interaction: { Type: InteractionType.MessageComponent, Data.CustomId: { } customId, InvokingUser: { } user } interaction }:
                // Claimed and acknowledged at once, off the user's queue: the turn may wait behind earlier messages,
                // the three-second deadline may not; and of two hosts in a deploy only the claimer answers.
                var acknowledged = AcknowledgeAsync(interaction, user.Id, rest, cancellationToken);
                var received = time.GetUtcNow();
                Track(user.Id, async () =>
                {
                    if (await acknowledged)
                    {
                        await OnClickAsync(interaction, customId, user.Id, received, rest, cancellationToken);
                    }
                });
                break;
            case InteractionCreateEvent { Interaction: { Type: InteractionType.ApplicationCommand, Data.Name: { } name, InvokingUser: { } user } interaction }:
                OnCommand(interaction, name, user, rest, cancellationToken);
                break;
            case ReadyEvent ready:
                _flood.Prune();
                if (ready.ApplicationId is { } applicationId)
                {
                    Track("registration", () => new CommandRegistrar(state, options, _logger).RegisterAsync(rest, applicationId, cancellationToken));
                }

                break;
        }
    }

    private void Track(string userId, Func<Task> work)
    {
        var task = _perUser.RunAsync(userId, async () =>
        {
            try
            {
                await work();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed turn must not take the bot down; the event was not saved, so a redelivery retries it.
                LogTurnFailed(e.GetType().Name, e.Message);
            }

            return true;
        });
        _inFlight[task] = true;
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task OnMessageAsync(DiscordMessage message, string userId, DiscordRestClient rest, CancellationToken cancellationToken)
    {
        var response = await conversations.HandleAsync(
            new Inbound(Platform, userId, Input.Message(message.Content), EventId: $"message:{message.Id}"), cancellationToken);
        if (response.Duplicate)
        {
            return;
        }

        if (response.Outcome is TurnOutcome.Answered or TurnOutcome.Completed or TurnOutcome.Skipped or TurnOutcome.Restarted or TurnOutcome.Forgotten
            && _openButtons.TryRemove(userId, out var question))
        {
            await rest.EditMessageAsync(question.ChannelId, question.Id, DiscordReplies.Answered(question, clickedId: string.Empty, selectedValue: null), cancellationToken);
        }

        await SendAsync(rest, message.ChannelId, response.Replies.SelectMany(r => DiscordReplies.Render(r)), cancellationToken, userId);
    }

    private async Task<bool> AcknowledgeAsync(Interaction interaction, string userId, DiscordRestClient rest, CancellationToken cancellationToken)
    {
        if (!await conversations.ClaimAsync(Platform, userId, $"interaction:{interaction.Id}", cancellationToken))
        {
            return false;
        }

        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.DeferUpdate(), cancellationToken);
        return true;
    }

    private async Task OnClickAsync(Interaction interaction, string customId, string userId, DateTimeOffset received, DiscordRestClient rest,
        CancellationToken cancellationToken)
    {
        var selected = interaction.Data?.Values is [var value, ..] ? value : null;
        if (ComponentIds.Parse(customId, interaction.Data?.Values) is not { } input || interaction.ChannelId is not { } channel)
        {
            await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token,
                new OutgoingMessage(StaleNote) { Flags = MessageFlags.Ephemeral }, cancellationToken);
            return;
        }

        var response = await conversations.HandleAsync(new Inbound(Platform, userId, input, EventId: $"interaction:{interaction.Id}"), cancellationToken);
        if (response.Duplicate)
        {
            return;
        }

        var tokenAlive = time.GetUtcNow() - received < TokenLifetime;
        if (response.Outcome == TurnOutcome.Stale && tokenAlive)
        {
            await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token,
                new OutgoingMessage(StaleNote) { Flags = MessageFlags.Ephemeral }, cancellationToken);
            return;
        }

        if (response.Outcome == TurnOutcome.Stale)
        {
            return;
        }

        if (interaction.Message is { } question && tokenAlive)
        {
            await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token,
                DiscordReplies.Answered(question, customId, selected), cancellationToken);
        }

        if (InServer(interaction))
        {
            if (!tokenAlive)
            {
                LogTokenExpired();
                return;
            }

            // Nothing personal is ever posted in a server channel: the rest follows privately.
            foreach (var message in response.Replies.SelectMany(r => DiscordReplies.Render(r, MessageFlags.Ephemeral)))
            {
                await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, message, cancellationToken);
            }

            return;
        }

        _openButtons.TryRemove(userId, out _);
        await SendAsync(rest, channel, response.Replies.SelectMany(r => DiscordReplies.Render(r)), cancellationToken, userId);
    }

    private void OnCommand(Interaction interaction, string name, DiscordUser user, DiscordRestClient rest, CancellationToken cancellationToken)
    {
        var reply = new InteractionReply(rest, interaction, ephemeral: InServer(interaction), time.GetUtcNow() + TokenLifetime, time);
        var claimed = conversations.ClaimAsync(Platform, user.Id, $"interaction:{interaction.Id}", cancellationToken);
        var deferral = DeferUnlessAnsweredAsync(claimed, reply, cancellationToken);
        Track(user.Id, async () =>
        {
            try
            {
                if (await claimed && !await reply.SendAsync(await AnswerAsync(interaction, name, user, rest, cancellationToken), cancellationToken))
                {
                    LogTokenExpired();
                }
            }
            finally
            {
                await deferral;
                reply.Dispose();
            }
        });
    }

    private async Task DeferUnlessAnsweredAsync(Task<bool> claimed, InteractionReply reply, CancellationToken cancellationToken)
    {
        if (await claimed)
        {
            await reply.DeferAfterAsync(TimeSpan.FromMilliseconds(options.DeferAfterMilliseconds), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<OutgoingMessage>> AnswerAsync(Interaction interaction, string name, DiscordUser user, DiscordRestClient rest,
        CancellationToken cancellationToken)
    {
        if (user.Bot == true)
        {
            return [new OutgoingMessage(BotsRefused)];
        }

        if (name == "dialogs")
        {
            return Moderators.Allows(interaction, options.ModeratorRoleIds)
                ? await _dialogs.RunAsync(interaction, user.Id, cancellationToken)
                : [new OutgoingMessage(ModeratorsOnly)];
        }

        if (name == "export")
        {
            return await conversations.ExportAsync(Platform, user.Id, cancellationToken) is { } export
                ? [new OutgoingMessage("Your answers and plan, as files to keep or show an advisor.")
                {
                    Files =
                    [
                        new DiscordFile("chatcoach-export.md", System.Text.Encoding.UTF8.GetBytes(export.Markdown)) { ContentType = "text/markdown" },
                        new DiscordFile("chatcoach-export.json", System.Text.Encoding.UTF8.GetBytes(export.Json)) { ContentType = "application/json" },
                    ],
                }]
                : [new OutgoingMessage(NothingStored)];
        }

        if (!SlashCommands.UserCommands.TryGetValue(name, out var command))
        {
            return [new OutgoingMessage(UnknownCommand)];
        }

        if (command == Command.Start && InServer(interaction))
        {
            return [new OutgoingMessage(await ContinueInDmAsync(user.Id, interaction.Id, rest, cancellationToken))];
        }

        var response = await conversations.HandleAsync(new Inbound(Platform, user.Id, Input.Run(command), EventId: $"command:{interaction.Id}"), cancellationToken);
        return response.Replies.Count == 0 ? [new OutgoingMessage(StaleNote)] : DiscordReplies.RenderTogether(response.Replies);
    }

    /// <summary>/start in a server: the conversation goes to a DM, where only the user sees it.</summary>
    private async Task<string> ContinueInDmAsync(string userId, string interactionId, DiscordRestClient rest, CancellationToken cancellationToken)
    {
        try
        {
            var dm = await rest.CreateDmChannelAsync(userId, cancellationToken);
            var response = await conversations.HandleAsync(new Inbound(Platform, userId, Input.Open(), EventId: $"command:{interactionId}"), cancellationToken);
            foreach (var message in response.Replies.SelectMany(r => DiscordReplies.Render(r)))
            {
                await rest.CreateMessageAsync(dm.Id, message, cancellationToken);
            }

            return OpenedDm;
        }
        catch (DiscordApiException e) when (e.IsCannotMessageUser)
        {
            LogDmsClosed();
            return DmsClosed;
        }
    }

    /// <summary>In a server (or a user-installed app used in someone else's server): answers are private.</summary>
    private static bool InServer(Interaction interaction) => interaction.GuildId is not null || interaction.Context == 0;

    private async Task SendAsync(DiscordRestClient rest, string channelId, IEnumerable<OutgoingMessage> messages, CancellationToken cancellationToken,
        string? userId = null)
    {
        try
        {
            foreach (var message in messages)
            {
                var sent = await rest.CreateMessageAsync(channelId, message, cancellationToken);
                if (userId is not null && message.Components is { Count: > 0 })
                {
                    _openButtons[userId] = sent;
                }
            }
        }
        catch (DiscordApiException e) when (e.IsCannotMessageUser)
        {
            // The user closed their DMs: nothing to retry; their answers are saved for when they come back.
            LogDmsClosed();
        }
    }

    // No message text, no user id, no token: people tell this bot about exam failures.
    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord refused the bot: {Reason}")]
    private partial void LogFatal(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "A user is sending messages too fast; extra messages are not coached")]
    private partial void LogFlood();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply could not be delivered: the user does not accept direct messages (50007)")]
    private partial void LogDmsClosed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "An interaction waited longer than its token lives; its answer was not sent through it")]
    private partial void LogTokenExpired();

    [LoggerMessage(Level = LogLevel.Error, Message = "A Discord turn failed ({Type}: {Reason})")]
    private partial void LogTurnFailed(string type, string reason);
}
