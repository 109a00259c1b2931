using ChatCoach.Core.Advice;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Outbox;
using ChatCoach.Core.Scripts;
using ChatCoach.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCoach.Core.Conversations;

/// <summary>
/// Takes inbound events one turn at a time per user: load the session, let the engine step, save the turn
/// atomically with its event id, and only then hand back the replies. Channels know nothing of dialogs.
/// </summary>
public sealed partial class ConversationService(
    IScriptSource scripts,
    ISessionStore store,
    TimeProvider time,
    IOptions<PrivacyOptions> privacy,
    ILogger<ConversationService> logger,
    CoachMetrics? metrics = null)
{
    /// <summary>How often a turn is retried when another host saved the same session in between.</summary>
    private const int MaxConflictRetries = 5;

    private readonly KeyedSerializer _perUser = new();

    /// <summary>Handles one event; the returned replies are safe to show because the turn is already saved.</summary>
    public Task<TurnResponse> HandleAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var started = time.GetTimestamp();
        return InOrderAsync(inbound.Platform, inbound.UserId, () => MeasuredTurnAsync(inbound, started, cancellationToken));
    }

    /// <summary>
    /// Handles one event and then runs <paramref name="deliver"/> with its response while the user's turn still holds
    /// their place in line, so replies leave in the order the turns were taken.
    /// </summary>
    public Task<TurnResponse> HandleAsync(Inbound inbound, Func<TurnResponse, Task> deliver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(deliver);
        var started = time.GetTimestamp();
        return InOrderAsync(inbound.Platform, inbound.UserId, async () =>
        {
            // The user's place in line is taken by now; the turn (database work) goes on off the caller's thread, so a
            // transport reading events is never held up by a slow database.
            await Task.Yield();
            var response = await MeasuredTurnAsync(inbound, started, cancellationToken);
            await deliver(response);
            return response;
        });
    }

    /// <summary>Runs work for a user in line with their turns (a channel's own answers, its retried replies).</summary>
    public Task<T> InOrderAsync<T>(string platform, string userId, Func<Task<T>> work) => _perUser.RunAsync($"{platform}:{userId}", work);

    /// <summary>The user's answers and plan as files, or null when nothing is stored about them. Changes nothing.</summary>
    public async Task<ProfileExport?> ExportAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        var session = await store.LoadAsync(platform, userId, cancellationToken);
        if (session?.Node is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (engine, _) = await scripts.ForAsync(session, today, cancellationToken);
        return ProfileExport.Of(engine, session, today);
    }

    /// <summary>
    /// Claims an event before a channel acts on it outside a turn (acknowledging a click), so that two hosts
    /// receiving the same event during a deploy never both act. False: another host has it.
    /// </summary>
    public Task<bool> ClaimAsync(string platform, string userId, string eventId, CancellationToken cancellationToken) =>
        store.ClaimAsync(platform, userId, $"claim:{eventId}", time.GetUtcNow(), cancellationToken);

    private async Task<TurnResponse> TakeTurnAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        var start = await store.StartTurnAsync(inbound.Platform, inbound.UserId, inbound.EventId, cancellationToken);
        if (start.Handled)
        {
            LogDuplicate(inbound.Platform);
            return TurnResponse.AlreadyHandled;
        }

        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var loaded = attempt == 1 ? start.Session : await store.LoadAsync(inbound.Platform, inbound.UserId, cancellationToken);
            var session = loaded ?? NewSession(inbound, now);
            var (engine, moved) = await scripts.ForAsync(session, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
            if (moved)
            {
                LogMoved(session.ScriptId);
            }

            var fromNode = session.Node;
            var result = engine.Step(session, inbound.Input, now);
            if (result.EraseUser)
            {
                await store.EraseAsync(inbound.Platform, inbound.UserId, cancellationToken);
                LogErased(inbound.Platform);
                return new TurnResponse(result.Replies, result.Outcome);
            }

            var transcript = privacy.Value.StoreTranscripts ? Transcript(inbound.Input, result.Replies, now) : null;
            var outbox = inbound.Outbox?.Compose(inbound, result.Replies, result.Outcome, now) ?? [];
            foreach (var reply in outbox)
            {
                // The channel sends these at once; the retry sweeper takes them only if that fails or the host dies.
                reply.NextAttemptAt = now + OutboxTiming.FirstSendLease;
            }

            var saved = await store.SaveAsync(new SavedTurn(session, inbound.EventId, result.Outcome, transcript) { FromNode = fromNode, Outbox = outbox }, cancellationToken);
            switch (saved)
            {
                case SaveResult.Saved:
                    LogTurn(inbound.Platform, fromNode, session.Node, result.Outcome);
                    return new TurnResponse(result.Replies, result.Outcome) { Outbox = outbox };
                case SaveResult.Duplicate:
                    LogDuplicate(inbound.Platform);
                    return TurnResponse.AlreadyHandled;
                case SaveResult.Conflict when attempt < MaxConflictRetries:
                    continue;
                default:
                    throw new InvalidOperationException(
                        $"the session kept changing under this turn ({MaxConflictRetries} tries); another process is writing it");
            }
        }
    }

    /// <summary>The turn, counted and timed from the event's arrival (waiting behind the user's earlier turns included).</summary>
    private async Task<TurnResponse> MeasuredTurnAsync(Inbound inbound, long started, CancellationToken cancellationToken)
    {
        TurnResponse? response = null;
        try
        {
            response = await TakeTurnAsync(inbound, cancellationToken);
            return response;
        }
        finally
        {
            metrics?.Turn(inbound.Platform, response, time.GetElapsedTime(started));
        }
    }

    private Session NewSession(Inbound inbound, DateTimeOffset now)
    {
        var script = (inbound.Script is { } id ? scripts.Find(id) : null)?.Script ?? scripts.DefaultEngine.Script;
        return Session.New(inbound.Platform, inbound.UserId, script.Id, script.Version, now);
    }

    private static List<TranscriptLine> Transcript(Input input, IReadOnlyList<Reply> replies, DateTimeOffset now)
    {
        var lines = new List<TranscriptLine>();
        var said = input.Kind switch
        {
            InputKind.Message => input.Text,
            InputKind.Click => $"[clicked {input.ChoiceId}]",
            InputKind.Command => $"/{input.Command.ToString().ToLowerInvariant()}",
            InputKind.Confirm => input.Confirmed ? "[confirmed]" : "[cancelled]",
            _ => null,
        };
        if (said is not null)
        {
            lines.Add(new TranscriptLine(FromUser: true, said, now));
        }

        lines.AddRange(replies.Select(r => new TranscriptLine(FromUser: false, r.Text, now)));
        return lines;
    }

    // Log lines carry no message text and no user id: people tell this bot about exam failures.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn on {Platform}: {From} -> {To} ({Outcome})")]
    private partial void LogTurn(string platform, string? from, string? to, TurnOutcome outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event on {Platform} was already handled; ignored")]
    private partial void LogDuplicate(string platform);

    [LoggerMessage(Level = LogLevel.Information, Message = "A user on {Platform} asked to be forgotten; their rows were erased")]
    private partial void LogErased(string platform);

    [LoggerMessage(Level = LogLevel.Information, Message = "A session moved to the live version of script {ScriptId}")]
    private partial void LogMoved(string scriptId);
}
