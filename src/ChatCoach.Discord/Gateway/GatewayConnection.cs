using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Gateway;

// One WebSocket connection: Hello → Identify/Resume → dispatches, with its own heartbeat task.
// It never reconnects by itself; it reports how it ended and the client decides what comes next.
internal sealed class GatewayConnection : IDisposable
{
    private const int MaxOutboundBytes = 4096;
    private const int MaxInboundBytes = 64 * 1024 * 1024;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly DiscordClientOptions _options;
    private readonly GatewaySession _session;
    private readonly DirectMessageDetector _dmDetector;
    private readonly ChannelWriter<GatewayEvent> _events;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private readonly ILogger _logger;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _receiveBuffer = new(16 * 1024);

    private volatile bool _ackReceived = true;
    private volatile bool _zombie;
    private volatile bool _handedOver;
    private volatile bool _helloSeen;
    private volatile bool _helloTimedOut;
    private Task _stopping = Task.CompletedTask;
    private readonly GatewayStatus _status;
    private readonly DiscordMetrics? _metrics;
    private bool _reachedSession;
    private bool _keepSessionOnStop;

    public GatewayConnection(
        DiscordClientOptions options,
        GatewaySession session,
        DirectMessageDetector dmDetector,
        ChannelWriter<GatewayEvent> events,
        TimeProvider time,
        Func<double> random,
        ILogger logger,
        GatewayStatus status,
        DiscordMetrics? metrics = null)
    {
        _status = status;
        _metrics = metrics;
        _options = options;
        _session = session;
        _dmDetector = dmDetector;
        _events = events;
        _time = time;
        _random = random;
        _logger = logger;
    }

    /// <summary>
    /// Runs the connection until it ends. <paramref name="handOver"/> ends it as a reconnect would (close 4000), keeping
    /// the session resumable for the replica that takes the shard over, rather than ending the session as a stop does.
    /// With <paramref name="keepSessionOnStop"/> (the shard is leased, so another replica carries on), a stop closes
    /// the same way.
    /// </summary>
    public async Task<ConnectionOutcome> RunAsync(
        Uri url, bool resume, bool keepSessionOnStop, CancellationToken stopToken, CancellationToken handOver = default)
    {
        _keepSessionOnStop = keepSessionOnStop;
        using (var connectTimeout = new CancellationTokenSource(_options.GatewayConnectTimeout, _time))
        using (var connectToken = CancellationTokenSource.CreateLinkedTokenSource(stopToken, connectTimeout.Token))
        {
            try
            {
                _logger.Connecting(url.Host, resume ? "resume" : "identify");
                await _socket.ConnectAsync(url, connectToken.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException && !stopToken.IsCancellationRequested)
            {
                _logger.ConnectFailed(ex, url.Host);
                // PROTOCOL.md §1.9: a resume URL that cannot be reached means falling back to the base URL and Identify.
                return new ConnectionOutcome(NextStep.Identify, ReconnectDelay.Backoff, "connect failed");
            }
        }

        // Not linked to stopToken: cancelling a pending ReceiveAsync aborts the socket, and a shutdown should
        // first say goodbye with 1000 (see StopGracefullyAsync) so Discord ends the session at once.
        using var lifetime = new CancellationTokenSource();
        using var stopRegistration = stopToken.Register(() => _stopping = StopGracefullyAsync(lifetime));
        using var handOverRegistration = handOver.Register(() =>
        {
            _handedOver = true;
            _stopping = HandOverAsync(lifetime);
        });

        // A server that accepts the socket but never says Hello would otherwise hang us forever (no heartbeats yet).
        using var helloTimer = _time.CreateTimer(
            _ =>
            {
                if (!_helloSeen)
                {
                    _helloTimedOut = true;
                    TryCancel(lifetime);
                }
            },
            null,
            _options.GatewayConnectTimeout,
            Timeout.InfiniteTimeSpan);
        Task heartbeat = Task.CompletedTask;
        ConnectionOutcome outcome;
        try
        {
            outcome = await ReceiveLoopAsync(resume, interval => heartbeat = HeartbeatLoopAsync(interval, lifetime), lifetime.Token);
            if (stopToken.IsCancellationRequested)
            {
                outcome = Stopped();
            }
        }
        catch (Exception ex) when (stopToken.IsCancellationRequested && ex is OperationCanceledException or WebSocketException or InvalidOperationException)
        {
            outcome = Stopped();
        }
        catch (OperationCanceledException) when (_zombie)
        {
            outcome = Zombie();
        }
        catch (Exception ex) when (_handedOver && ex is OperationCanceledException or WebSocketException or InvalidOperationException)
        {
            outcome = HandedOver();
        }
        catch (OperationCanceledException) when (_helloTimedOut)
        {
            outcome = new ConnectionOutcome(NextStep.Resume, ReconnectDelay.Backoff, "no Hello from the gateway");
        }
        catch (Exception ex) when (ex is WebSocketException or JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException)
        {
            _logger.ConnectionFailed(ex);
            outcome = _zombie ? Zombie() : new ConnectionOutcome(NextStep.Resume, ReconnectDelay.Backoff, "connection error: " + ex.GetType().Name);
        }

        if (_handedOver && outcome.Next != NextStep.Stopped)
        {
            outcome = HandedOver();
        }

        await stopRegistration.DisposeAsync();
        await handOverRegistration.DisposeAsync();
        await lifetime.CancelAsync();
        await _stopping;
        try
        {
            await heartbeat;
        }
        catch (OperationCanceledException)
        {
        }

        await CloseAsync(outcome);
        return outcome with { ReachedSession = _reachedSession };
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }

    private static ConnectionOutcome Stopped() => new(NextStep.Stopped, ReconnectDelay.None, "stopping");

    private static void TryCancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection already ended.
        }
    }

    private async Task StopGracefullyAsync(CancellationTokenSource lifetime)
    {
        await CloseForStopAsync();

        // The receive loop ends when the server echoes the close; if it doesn't, stop waiting for it.
        try
        {
            await Task.Delay(CloseTimeout, _time, lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        TryCancel(lifetime);
    }

    private static ConnectionOutcome HandedOver() => new(NextStep.Resume, ReconnectDelay.None, "shard lease lost: handing the session over");

    private async Task HandOverAsync(CancellationTokenSource lifetime)
    {
        await CloseForReconnectAsync("shard handed over");
        TryCancel(lifetime);
    }

    private static ConnectionOutcome Zombie() =>
        new(NextStep.Resume, ReconnectDelay.None, "no heartbeat ACK before the next beat (zombie connection)");

    private async Task<ConnectionOutcome> ReceiveLoopAsync(bool resume, Action<TimeSpan> startHeartbeat, CancellationToken token)
    {
        while (true)
        {
            var message = await ReceiveMessageAsync(token);
            if (message is null)
            {
                if (_zombie)
                {
                    return Zombie();
                }

                var code = (int?)_socket.CloseStatus;
                var outcome = GatewayCloseCodes.Classify(code);
                _logger.Closed(outcome.Next == NextStep.Fatal ? LogLevel.Critical : LogLevel.Warning, code, _socket.CloseStatusDescription, outcome.Reason);
                return outcome;
            }

            var frame = GatewayFrame.Parse(message.Value);
            switch ((GatewayOpcode)frame.Op)
            {
                case GatewayOpcode.Hello when !_helloSeen:
                    _helloSeen = true;
                    var interval = TimeSpan.FromMilliseconds(frame.Data.GetProperty("heartbeat_interval").GetDouble());
                    startHeartbeat(interval);
                    await SendStartAsync(resume, token);
                    break;

                case GatewayOpcode.HeartbeatAck:
                    _ackReceived = true;
                    break;

                case GatewayOpcode.Heartbeat:
                    // The server asks for a beat now; the regular schedule continues untouched.
                    await SendAsync(GatewayFrame.Heartbeat(_session.LastSequence), token);
                    break;

                case GatewayOpcode.Reconnect:
                    _logger.ReconnectRequested();
                    return new ConnectionOutcome(NextStep.Resume, ReconnectDelay.None, "reconnect requested (op 7)");

                case GatewayOpcode.InvalidSession:
                    var resumable = frame.Data.ValueKind == JsonValueKind.True;
                    _logger.SessionInvalidated(resumable);
                    return resumable && _session.CanResume
                        ? new ConnectionOutcome(NextStep.Resume, ReconnectDelay.None, "invalid session (resumable)")
                        : new ConnectionOutcome(NextStep.Identify, ReconnectDelay.InvalidSession, "invalid session");

                case GatewayOpcode.Dispatch:
                    await DispatchAsync(frame, token);
                    break;

                default:
                    _logger.IgnoredOpcode(frame.Op);
                    break;
            }
        }
    }

    private async Task SendStartAsync(bool resume, CancellationToken token)
    {
        if (resume && _session.CanResume)
        {
            await SendAsync(GatewayFrame.Resume(_options.Token, _session.SessionId!, _session.LastSequence), token);
            return;
        }

        _session.Reset();
        await SendAsync(GatewayFrame.Identify(_options.Token, _options.Intents, _options.ShardId, _options.ShardCount), token);
    }

    private async Task DispatchAsync(GatewayFrame frame, CancellationToken token)
    {
        if (frame.Sequence is { } sequence)
        {
            // A replay may overlap what we already handed out; the sequence number says which ones we have.
            if (_session.LastSequence is { } last && sequence <= last && frame.EventName is not ("READY" or "RESUMED"))
            {
                _logger.SkippedDispatch(sequence);
                return;
            }

            _session.LastSequence = sequence;
        }

        // Discord's 3 seconds for an interaction run from here, not from when a consumer gets to the event.
        var receivedAt = _time.GetUtcNow();
        GatewayEvent? gatewayEvent;
        try
        {
            gatewayEvent = frame.EventName switch
            {
                "READY" => OnReady(frame.Data),
                "RESUMED" => OnResumed(),
                "MESSAGE_CREATE" => OnMessageCreate(frame.Data),
                "INTERACTION_CREATE" => OnInteractionCreate(frame.Data),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // One malformed event must not take the session down; it is logged and skipped.
            _logger.UnreadableDispatch(ex, frame.EventName, frame.Sequence);
            return;
        }

        if (gatewayEvent is not null)
        {
            if (frame.Sequence is { } handedOut)
            {
                _session.Started(handedOut);
            }

            await _events.WriteAsync(gatewayEvent with { Sequence = frame.Sequence, ReceivedAt = receivedAt }, token);
        }
    }

    private ReadyEvent OnReady(JsonElement data)
    {
        var sessionId = data.GetProperty("session_id").GetString()!;
        var resumeUrl = new Uri(data.GetProperty("resume_gateway_url").GetString()!);
        var user = data.GetProperty("user").Deserialize<DiscordUser>(DiscordJson.Options)!;
        string? applicationId = data.TryGetProperty("application", out var app) && app.TryGetProperty("id", out var id) ? id.GetString() : null;
        _session.Start(sessionId, resumeUrl);
        _session.BotUserId = user.Id;
        _reachedSession = true;
        _logger.Ready(user.Username, user.Id);
        _status.Set(GatewayState.Connected);
        return new ReadyEvent(user, applicationId, sessionId);
    }

    private ResumedEvent OnResumed()
    {
        _reachedSession = true;
        _logger.Resumed(_session.LastSequence);
        _status.Set(GatewayState.Connected);
        _metrics?.Resumed();
        return new ResumedEvent();
    }

    private MessageCreateEvent OnMessageCreate(JsonElement data)
    {
        var message = data.Deserialize<DiscordMessage>(DiscordJson.Options)!;
        var author = message.Author;
        var fromUser = author is not null
            && author.Id != _session.BotUserId
            && author.Bot != true
            && author.System != true
            && message.WebhookId is null;
        return new MessageCreateEvent(message, _dmDetector.IsDirectMessage(message), fromUser);
    }

    private InteractionCreateEvent OnInteractionCreate(JsonElement data)
    {
        var interaction = data.Deserialize<Interaction>(DiscordJson.Options)!;
        _dmDetector.Learn(interaction);
        return new InteractionCreateEvent(interaction);
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationTokenSource lifetime)
    {
        var token = lifetime.Token;
        try
        {
            // Jitter the first beat so a fleet of reconnecting clients does not beat in lockstep.
            await Task.Delay(interval * _random(), _time, token);
            while (true)
            {
                if (!_ackReceived)
                {
                    _zombie = true;
                    _logger.Zombie();
                    await CloseForReconnectAsync("zombie connection");

                    // The receive loop ends when the server echoes the close. Cancelling it at once would abort the
                    // socket, and a reset can reach the server before it has read our close frame; a server that is
                    // really gone never echoes, so stop waiting after a while.
                    await Task.Delay(CloseTimeout, _time, token);
                    TryCancel(lifetime);
                    return;
                }

                _ackReceived = false;
                await SendAsync(GatewayFrame.Heartbeat(_session.LastSequence), token);
                await Task.Delay(interval, _time, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidOperationException)
        {
            // The receive loop sees the same broken or closing socket and decides the outcome.
            _logger.HeartbeatFailed(ex);
        }
    }

    private async Task SendAsync(byte[] payload, CancellationToken token)
    {
        if (payload.Length > MaxOutboundBytes)
        {
            throw new InvalidOperationException($"Gateway payload of {payload.Length} bytes exceeds Discord's {MaxOutboundBytes}-byte limit.");
        }

        await _sendLock.WaitAsync(token);
        try
        {
            await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    // Returns null when the server closed the connection.
    private async Task<ReadOnlyMemory<byte>?> ReceiveMessageAsync(CancellationToken token)
    {
        _receiveBuffer.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_receiveBuffer.GetMemory(16 * 1024), token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _receiveBuffer.Advance(result.Count);
            if (_receiveBuffer.WrittenCount > MaxInboundBytes)
            {
                throw new InvalidDataException($"Gateway message larger than {MaxInboundBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    // We asked for encoding=json without compression; a binary frame is not ours to decode.
                    _logger.IgnoredBinary();
                    _receiveBuffer.ResetWrittenCount();
                    continue;
                }

                return _receiveBuffer.WrittenMemory;
            }
        }
    }

    private async Task CloseAsync(ConnectionOutcome outcome)
    {
        if (outcome.Next == NextStep.Stopped)
        {
            await CloseForStopAsync();
        }
        else
        {
            await CloseForReconnectAsync(outcome.Reason);
        }
    }

    // Any code but 1000/1001 keeps the session resumable.
    private Task CloseForReconnectAsync(string reason) => TryCloseAsync((WebSocketCloseStatus)4000, reason);

    // 1000 ends the session on Discord's side, which is what a lone bot's shutdown wants; a replica leaves it to the next.
    private Task CloseForStopAsync() =>
        _keepSessionOnStop ? CloseForReconnectAsync("stopping: the session is handed over") : TryCloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down");

    private async Task TryCloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseTimeout, _time);
        try
        {
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                var description = reason.Length > 120 ? reason[..120] : reason;
                await _socket.CloseOutputAsync(status, description, timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }
}
