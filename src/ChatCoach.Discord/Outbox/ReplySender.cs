using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ChatCoach.Core.Outbox;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Outbox;

/// <summary>
/// Delivers outbox rows, each by the rule its kind allows: a channel message carries its nonce and is retried for
/// 2 minutes; edits are retried; a follow-up goes at most once; an interaction's first answer is never repeated
/// before <c>GET @original</c> says it did not land. A row is deleted once Discord confirms it (or it is dropped
/// for good); a row to retry gets a later time and waits in the outbox for <see cref="OutboxSweeper"/>.
/// </summary>
internal sealed partial class ReplySender(DiscordRestClient rest, IReplyOutbox outbox, OpenQuestions open, TimeProvider time, ILogger<ReplySender> logger,
    DiscordMetrics? metrics = null)
{
    /// <summary>Discord deduplicates a nonce for a few minutes only; later a resend could post twice.</summary>
    public static readonly TimeSpan ChannelResendLimit = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private const int LoadingFlag = 128;

    private readonly ConcurrentDictionary<string, bool> _unreachable = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InteractionProgress> _interactions = new(StringComparer.Ordinal);

    // Users with a reply waiting for its retry, and the newest row that has to go out before their next fresh rows may.
    private readonly ConcurrentDictionary<string, long> _behind = new(StringComparer.Ordinal);

    /// <summary>The user wrote again: their DMs may be open again.</summary>
    public void Reachable(string userId) => _unreachable.TryRemove(userId, out _);

    public InteractionProgress Track(string interactionId) => _interactions.GetOrAdd(interactionId, _ => new InteractionProgress());

    public void Untrack(string interactionId) => _interactions.TryRemove(interactionId, out _);

    /// <summary>
    /// Sends rows in order and stops at a row that has to wait for a retry (the rest wait behind it in the outbox).
    /// Returns <see cref="RowOutcome.Sent"/> when every row went, else the worst outcome (a closed DM outranks the rest).
    /// </summary>
    public async Task<RowOutcome> SendAsync(IReadOnlyList<OutboxReply> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows is [{ Id: not 0 } first, ..] && _behind.TryGetValue(first.UserId, out var waiting))
        {
            // An earlier reply of this user waits for its retry: these are left to the sweeper, which keeps their order.
            _behind.TryUpdate(first.UserId, Math.Max(waiting, rows.Max(r => r.Id)), waiting);
            return RowOutcome.Retry;
        }

        var worst = RowOutcome.Sent;
        foreach (var row in rows)
        {
            var outcome = await SendOneAsync(row, cancellationToken);
            worst = outcome > worst ? outcome : worst;
            if (outcome == RowOutcome.Retry)
            {
                break;
            }
        }

        return worst;
    }

    /// <summary>Sends one row and settles it in the outbox.</summary>
    public async Task<RowOutcome> SendOneAsync(OutboxReply row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var now = time.GetUtcNow();
        var address = ReplyAddress.Parse(row.Address);
        if (row.ExpiresAt is { } expires && now >= expires)
        {
            LogExpired(address.Kind);
            return await DropAsync(row, cancellationToken);
        }

        if (address.Kind == ReplyKind.Dm && _unreachable.ContainsKey(row.UserId))
        {
            return await DropAsync(row, cancellationToken);
        }

        if (address.Kind == ReplyKind.Dm && row.FirstTriedAt is { } first && now - first > ChannelResendLimit)
        {
            LogResendWindowOver();
            return await DropAsync(row, cancellationToken);
        }

        try
        {
            await DeliverAsync(row, address, StoredPayload.Deserialize(row.Body), cancellationToken);
            if (row.Id != 0)
            {
                await outbox.MarkSentAsync(row.Id, cancellationToken);
                Settled(row);
            }

            return RowOutcome.Sent;
        }
        catch (DiscordApiException e) when (e.IsCannotMessageUser)
        {
            // Closed DMs: nothing to retry. One warning, and no more tries until the user writes again.
            if (_unreachable.TryAdd(row.UserId, true))
            {
                LogDmsClosed();
            }

            await DropAsync(row, cancellationToken);
            return RowOutcome.Unreachable;
        }
        catch (Exception e) when (Unclear(e, cancellationToken) && address.Kind != ReplyKind.FollowUp && row.Id != 0)
        {
            var attempts = row.Attempts + 1;
            var next = now + Backoff(attempts);
            LogRetry(address.Kind, attempts, next - now);
            row.Attempts = attempts;
            row.FirstTriedAt ??= now;
            await outbox.RetryAtAsync(row.Id, attempts, row.FirstTriedAt.Value, next, cancellationToken);
            _behind.AddOrUpdate(row.UserId, row.Id, (_, newest) => Math.Max(newest, row.Id));
            metrics?.Retried();
            return RowOutcome.Retry;
        }
        catch (Exception e) when (Unclear(e, cancellationToken) || e is DiscordApiException)
        {
            // A follow-up that may have landed is not sent again; a refused message would be refused again.
            LogDropped(address.Kind, e.GetType().Name, (int?)(e as DiscordApiException)?.StatusCode, (e as DiscordApiException)?.Code);
            return await DropAsync(row, cancellationToken);
        }
    }

    /// <summary>
    /// Sends an interaction's first answer. After an unclear failure, <c>GET @original</c> tells whether it landed; only
    /// when it did not is it sent once more. True when Discord has it.
    /// </summary>
    public async Task<bool> AnswerAsync(Interaction interaction, InteractionAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            await PostCallbackAsync(interaction.Id, interaction.Token, answer, cancellationToken);
            return true;
        }
        catch (Exception e) when (Unclear(e, cancellationToken))
        {
            if (await OriginalAsync(interaction.ApplicationId, interaction.Token, cancellationToken) is not null)
            {
                return true;
            }
        }
        catch (DiscordApiException e)
        {
            LogAnswerRefused(e.Code);
            return false;
        }

        // Known not to have landed, so a second try cannot double it.
        try
        {
            await PostCallbackAsync(interaction.Id, interaction.Token, answer, cancellationToken);
            return true;
        }
        catch (Exception e) when (Unclear(e, cancellationToken) || e is DiscordApiException)
        {
            return await OriginalAsync(interaction.ApplicationId, interaction.Token, cancellationToken) is not null;
        }
    }

    private Task<JsonElement?> PostCallbackAsync(string interactionId, string token, InteractionAnswer answer, CancellationToken cancellationToken) =>
        rest.SendPayloadAsync(HttpMethod.Post, $"interactions/{interactionId}/{Uri.EscapeDataString(token)}/callback", answer.CallbackJson(), answer.Files, cancellationToken);

    private async Task DeliverAsync(OutboxReply row, ReplyAddress address, StoredPayload payload, CancellationToken cancellationToken)
    {
        switch (address.Kind)
        {
            case ReplyKind.Dm:
                var sent = await rest.SendPayloadAsync(HttpMethod.Post, $"channels/{address.First}/messages", payload.Json, payload.DiscordFiles, cancellationToken);
                if (payload.Payload.TryGetProperty("components", out var components) && components.GetArrayLength() > 0 && sent is { } message)
                {
                    open.Remember(row.UserId, message.Deserialize<DiscordMessage>(DiscordJson.Options)!);
                }

                break;
            case ReplyKind.Edit:
                await rest.SendPayloadAsync(HttpMethod.Patch, $"channels/{address.First}/messages/{address.Second}", payload.Json, payload.DiscordFiles, cancellationToken);
                break;
            case ReplyKind.Original:
                await EditOriginalAsync(address.First, address.Second, payload, cancellationToken);
                break;
            case ReplyKind.FollowUp:
                await rest.SendPayloadAsync(HttpMethod.Post, $"webhooks/{address.First}/{Uri.EscapeDataString(address.Second)}", payload.Json, payload.DiscordFiles, cancellationToken);
                break;
            case ReplyKind.Initial:
                await InitialAsync(address, payload, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// The first answer as a row: after this host deferred, it fills the placeholder. Otherwise (a retry, a restart)
    /// <c>GET @original</c> decides: a placeholder is filled, a landed answer is left alone, and only a missing one is sent.
    /// </summary>
    private async Task InitialAsync(ReplyAddress address, StoredPayload payload, CancellationToken cancellationToken)
    {
        var (interactionId, applicationId, token) = (address.First, address.Second, address.Third);
        if (!(_interactions.TryGetValue(interactionId, out var progress) && progress.Deferred))
        {
            var original = await OriginalAsync(applicationId, token, cancellationToken);
            if (original is { } landed && ((landed.TryGetProperty("flags", out var flags) ? flags.GetInt32() : 0) & LoadingFlag) == 0)
            {
                return;
            }

            if (original is null)
            {
                await PostCallbackAsync(interactionId, token, InteractionAnswer.Reply(payload, row: null), cancellationToken);
                return;
            }
        }

        await EditOriginalAsync(applicationId, token, payload, cancellationToken);
    }

    private Task<JsonElement?> EditOriginalAsync(string applicationId, string token, StoredPayload payload, CancellationToken cancellationToken) =>
        rest.SendPayloadAsync(HttpMethod.Patch, $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}/messages/@original", payload.Json, payload.DiscordFiles, cancellationToken);

    /// <summary>The interaction's first message, or null when there is none (it was never answered).</summary>
    private async Task<JsonElement?> OriginalAsync(string applicationId, string token, CancellationToken cancellationToken)
    {
        try
        {
            return await rest.SendPayloadAsync(HttpMethod.Get, $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}/messages/@original", null, null, cancellationToken);
        }
        catch (DiscordApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Gives a row up for good: counted as dropped (not sent), and taken out of the outbox.</summary>
    public async Task<RowOutcome> DropAsync(OutboxReply row, CancellationToken cancellationToken)
    {
        metrics?.Dropped();
        if (row.Id != 0)
        {
            await outbox.MarkSentAsync(row.Id, cancellationToken);
            Settled(row);
        }

        return RowOutcome.Dropped;
    }

    /// <summary>Once the newest row a user's fresh replies had to wait for is settled, they go out directly again.</summary>
    private void Settled(OutboxReply row)
    {
        if (_behind.TryGetValue(row.UserId, out var newest) && row.Id >= newest)
        {
            _behind.TryRemove(new KeyValuePair<string, long>(row.UserId, newest));
        }
    }

    /// <summary>A failure after which the request may or may not have been processed.</summary>
    private static bool Unclear(Exception e, CancellationToken cancellationToken) => e switch
    {
        DiscordApiException api => (int)api.StatusCode >= 500,
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, attempts - 1)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply could not be delivered: the user does not accept direct messages (50007); not trying again until they write")]
    private partial void LogDmsClosed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A channel message was dropped: its first try is over 2 minutes old, and Discord's nonce no longer guards a resend")]
    private partial void LogResendWindowOver();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply ({Kind}) was dropped: its interaction token expired")]
    private partial void LogExpired(ReplyKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "A reply ({Kind}) failed unclearly; try {Attempts} again in {Delay}")]
    private partial void LogRetry(ReplyKind kind, int attempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply ({Kind}) was dropped after {Error} (HTTP {Status}, code {Code}); it is not sent again")]
    private partial void LogDropped(ReplyKind kind, string error, int? status, int? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused an interaction's first answer (code {Code})")]
    private partial void LogAnswerRefused(int? code);
}

/// <summary>How sending one row ended.</summary>
internal enum RowOutcome
{
    Sent,
    Dropped,
    Retry,
    Unreachable,
}
