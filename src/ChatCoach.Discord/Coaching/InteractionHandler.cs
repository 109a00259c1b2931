using System.Collections.Concurrent;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Outbox;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Outbox;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// The one path every interaction takes after its transport (the gateway, or an HTTP interactions endpoint): claim it,
/// decide its first answer within Discord's three seconds, and send the rest of its work once that answer landed.
/// The clock starts when the transport received it: if the claim (a database write) or the turn runs late, the answer
/// is a deferral, and the turn's first message later fills the placeholder.
/// </summary>
internal sealed partial class InteractionHandler(
    ConversationService conversations,
    CommandHandler commands,
    ComponentHandler components,
    ReplySender sender,
    IReplyOutbox outbox,
    DiscordOptions options,
    TimeProvider time,
    ILogger<InteractionHandler> logger)
{
    /// <summary>Interaction tokens last 15 minutes; past this age a token is not used any more.</summary>
    internal static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(14.5);

    /// <summary>How long the rest of an interaction's work waits for its first answer to be confirmed.</summary>
    private static readonly TimeSpan AcknowledgePatience = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();

    /// <summary>
    /// Handles one interaction received at <paramref name="receivedAt"/>. Returns its first answer (send it, then call
    /// <see cref="InteractionAnswer.DeliveredAsync"/>), or null when another host claimed it or it is nothing ChatCoach answers.
    /// </summary>
    public async Task<InteractionAnswer?> HandleAsync(Interaction interaction, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.InvokingUser is not { } user || interaction.Type is not (InteractionType.ApplicationCommand or InteractionType.MessageComponent))
        {
            return null;
        }

        var deadline = receivedAt + TimeSpan.FromMilliseconds(options.DeferAfterMilliseconds);
        var isCommand = interaction.Type == InteractionType.ApplicationCommand;
        var progress = sender.Track(interaction.Id);
        // The claim is a database write: off this thread, so a slow database cannot keep the answer past the deadline.
        var claimed = Task.Run(() => conversations.ClaimAsync(DiscordComposer.Platform, user.Id, $"interaction:{interaction.Id}", cancellationToken), cancellationToken);
        var tokenExpires = receivedAt + TokenLifetime;
        var rows = new TaskCompletionSource<IReadOnlyList<OutboxReply>?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = RunAsync(interaction.Id, claimed, rows, progress, isCommand
            ? () => commands.Start(interaction, user, tokenExpires, cancellationToken)
            : () => components.Start(interaction, user.Id, tokenExpires, cancellationToken), cancellationToken);

        // A click is acknowledged as soon as it is claimed; a command waits for its answer until the deadline.
        var ready = isCommand ? (Task)rows.Task : claimed;
        var wait = deadline - time.GetUtcNow();
        var inTime = wait > TimeSpan.Zero && await Task.WhenAny(ready, Task.Delay(wait, time, cancellationToken)) == ready;

        if (claimed.IsCompletedSuccessfully && !claimed.Result || rows.Task.IsCompletedSuccessfully && rows.Task.Result is null)
        {
            sender.Untrack(interaction.Id);
            return null;
        }

        if (rows.Task.IsFaulted)
        {
            await rows.Task; // the work failed before anything was answered: the transport logs it, the user sees Discord's failure
        }

        if (inTime && isCommand && rows.Task.Result is [{ } first, ..] && ReplyAddress.Parse(first.Address).Kind == ReplyKind.Initial)
        {
            return InteractionAnswer.Reply(StoredPayload.Deserialize(first.Body), first, async (landed, token) =>
            {
                // An answer that did not land cannot be sent again (its 3 seconds are over): dropped, not sent.
                if (landed && first.Id != 0)
                {
                    await outbox.MarkSentAsync(first.Id, token);
                }
                else if (!landed)
                {
                    await sender.DropAsync(first, token);
                }

                progress.Settle(landed);
            });
        }

        // A click is acknowledged without changing its message yet; a command whose work was late (a slow database,
        // a slow turn) gets a placeholder, which its first message fills in later.
        progress.Deferred = true;
        LogDeferred(isCommand);
        Task Delivered(bool landed, CancellationToken token)
        {
            progress.Settle(landed);
            return Task.CompletedTask;
        }

        return isCommand ? InteractionAnswer.Defer(!DiscordPlaces.InBotDm(interaction), Delivered) : InteractionAnswer.DeferUpdate(Delivered);
    }

    /// <summary>Waits until the work of every interaction in hand is done (stopping).</summary>
    public Task DrainAsync() => Task.WhenAll(_inFlight.Keys);

    private Task RunAsync(string interactionId, Task<bool> claimed, TaskCompletionSource<IReadOnlyList<OutboxReply>?> rows, InteractionProgress progress,
        Func<InteractionWork> start, CancellationToken cancellationToken)
    {
        var task = RunWorkAsync(interactionId, claimed, rows, progress, start, cancellationToken);
        _inFlight[task] = true;
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
        return task;
    }

    private async Task RunWorkAsync(string interactionId, Task<bool> claimed, TaskCompletionSource<IReadOnlyList<OutboxReply>?> rows, InteractionProgress progress,
        Func<InteractionWork> start, CancellationToken cancellationToken)
    {
        try
        {
            if (!await claimed)
            {
                rows.TrySetResult(null);
                return;
            }

            await start()(async produced =>
            {
                rows.TrySetResult(produced);
                var landed = await progress.Acknowledged.WaitAsync(AcknowledgePatience, time, cancellationToken);
                // When the first row was the answer itself it is already settled; after a deferral it fills the placeholder.
                var rest = produced.Count > 0 && !progress.Deferred && ReplyAddress.Parse(produced[0].Address).Kind == ReplyKind.Initial ? produced.Skip(1) : produced;
                // Without a first answer the interaction's token is useless; channel messages still go.
                await sender.SendAsync([.. rest.Where(r => landed || !ReplyAddress.Parse(r.Address).ViaInteraction)], cancellationToken);
                foreach (var dropped in landed ? [] : rest.Where(r => ReplyAddress.Parse(r.Address).ViaInteraction))
                {
                    await sender.DropAsync(dropped, cancellationToken);
                }
            });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failed turn must not take the bot down; it was not saved, and its rows (if any) stay in the outbox.
            rows.TrySetException(e);
            LogWorkFailed(e.GetType().Name, e.Message);
        }
        finally
        {
            sender.Untrack(interactionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An interaction's work failed ({Type}: {Reason})")]
    private partial void LogWorkFailed(string type, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "An interaction was deferred (command: {IsCommand})")]
    private partial void LogDeferred(bool isCommand);
}
