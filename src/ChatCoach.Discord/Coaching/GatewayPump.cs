using System.Collections.Concurrent;
using ChatCoach.Core.Logging;
using ChatCoach.Discord.Gateway;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// The gateway transport: runs the connection and hands each event to its handler without waiting for it, so one
/// slow turn never delays another user's event. Interactions are answered through the callback route; order per user
/// is kept by the conversation service, not here.
/// </summary>
internal sealed partial class GatewayPump(
    DiscordGatewayClient gateway,
    MessageHandler messages,
    InteractionHandler interactions,
    ReplySender sender,
    CommandRegistrar registrar,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayPump> logger,
    UserHasher? users = null) : BackgroundService
{
    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();

    /// <summary>Why Discord refused the bot for good (bad token, disallowed intents…), or null while all is well.</summary>
    public string? Failure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var run = gateway.RunAsync(stoppingToken);
        try
        {
            await foreach (var e in gateway.Events.ReadAllAsync(stoppingToken))
            {
                // Work once started is not cut short by a stop (the host bounds the drain below with its shutdown
                // timeout), so a turn saved here also sends its reply here, in order; events not read yet are left to
                // the replica that resumes the session.
                if (Dispatch(e, CancellationToken.None) is { } work)
                {
                    Track(work, e);
                }
                else
                {
                    gateway.Finished(e);
                }
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
            // Stopping: the work in flight finishes below.
        }
        finally
        {
            await Task.WhenAll(_inFlight.Keys);
            await interactions.DrainAsync();
        }
    }

    /// <summary>Starts the work of an event; null when it needs none.</summary>
    private Task? Dispatch(GatewayEvent e, CancellationToken cancellationToken)
    {
        switch (e)
        {
            // Typed coaching happens only in the bot's own DM channel.
            case MessageCreateEvent { IsDirectMessage: true, IsFromUser: true, Message.Author: { } author } message:
                // The turn's task takes the scope with it: every line from this event to its reply is correlated.
                using (Scope(author.Id, message.Message.Id))
                {
                    return messages.HandleAsync(message.Message, author.Id, cancellationToken);
                }

            case InteractionCreateEvent { Interaction: var interaction }:
                using (Scope(interaction.InvokingUser?.Id, interaction.Id))
                {
                    return AnswerAsync(interaction, e.ReceivedAt, cancellationToken);
                }

            case ReadyEvent ready:
                messages.Prune();
                return ready.ApplicationId is { } applicationId ? registrar.RegisterAsync(applicationId, cancellationToken) : null;
            default:
                return null;
        }
    }

    private async Task AnswerAsync(Interaction interaction, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (await interactions.HandleAsync(interaction, receivedAt, cancellationToken) is { } answer)
        {
            await answer.DeliveredAsync(await sender.AnswerAsync(interaction, answer, cancellationToken), cancellationToken);
        }
    }

    private IDisposable? Scope(string? userId, string eventId) =>
        users is null || userId is null ? null : TurnScope.Begin(logger, users, DiscordComposer.Platform, userId, eventId);

    private void Track(Task task, GatewayEvent e)
    {
        _inFlight[task] = true;
        _ = task.ContinueWith(t =>
        {
            _inFlight.TryRemove(t, out _);
            gateway.Finished(e);
            if (t.Exception?.GetBaseException() is { } failure)
            {
                // A failed turn must not take the bot down; it is logged (without its text) and counted done.
                LogFailed(failure.GetType().Name, failure.Message);
            }
        }, TaskScheduler.Default);
    }

    // No message text, no user id, no token: people tell this bot about exam failures.
    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord refused the bot: {Reason}")]
    private partial void LogFatal(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Discord event failed ({Type}: {Reason})")]
    private partial void LogFailed(string type, string reason);
}
