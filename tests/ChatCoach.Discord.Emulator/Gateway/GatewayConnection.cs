using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;

namespace ChatCoach.Discord.Emulator.Gateway;

/// <summary>
/// Transport of one gateway WebSocket: an ordered outgoing queue drained by one writer (so frames,
/// replays and close frames keep their order), a reader that hands complete text messages to the
/// protocol handler, and abrupt aborts. Protocol decisions live in <see cref="GatewayProtocol"/>.
/// </summary>
internal sealed class GatewayConnection : IDisposable
{
    private readonly Lock _requestGate = new();
    private readonly WebSocket _socket;
    private readonly TimeProvider _time;
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _receivedAt = new();
    private bool _closeQueued;
    private long _lastHeartbeatTicks;

    /// <summary>
    /// The upgrade request, only while it is running: once <see cref="GatewayHub.AcceptAsync"/> returns,
    /// Kestrel recycles the HttpContext and any call on it throws ObjectDisposedException. Cleared by
    /// <see cref="Dispose"/>; read and cleared under <see cref="_requestGate"/>.
    /// </summary>
    private HttpContext? _http;

    public GatewayConnection(long id, HttpContext http, WebSocket socket, TimeProvider time)
    {
        Id = id;
        _http = http;
        _socket = socket;
        _time = time;
        Path = http.Request.Path.Value ?? "/";
        Host = http.Request.Host.Value ?? "127.0.0.1";
        Query = http.Request.QueryString.Value ?? string.Empty;
        OpenedAt = time.GetUtcNow();
        LastHeartbeatAt = OpenedAt;
    }

    public long Id { get; }

    public string Path { get; }

    public string Query { get; }

    /// <summary>Host and port the client connected to.</summary>
    public string Host { get; }

    public DateTimeOffset OpenedAt { get; }

    public bool IsResumeUrl => Path.TrimEnd('/') == "/resume";

    /// <summary>Session identified or resumed here; null before that and after an invalidation.</summary>
    public GatewaySession? Session { get; set; }

    public bool Resumed { get; set; }

    /// <summary>READY or RESUMED has been queued on this connection.</summary>
    public bool HasReadied { get; set; }

    /// <summary>Written by the reader, read by the heartbeat watch: stored as ticks so reads are never torn.</summary>
    public DateTimeOffset LastHeartbeatAt
    {
        get => new(Interlocked.Read(ref _lastHeartbeatTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _lastHeartbeatTicks, value.UtcTicks);
    }

    public ConnectionEnd End { get; private set; }

    public int? CloseCode { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return End == ConnectionEnd.Open && !_closeQueued;
            }
        }
    }

    /// <summary>Fires for every frame actually written (for recording).</summary>
    public event Action<GatewayConnection, string>? Sent;

    /// <summary>Queues a text frame; the task completes when it is on the wire (or the connection ended first).</summary>
    public Task SendAsync(string json)
    {
        var item = new Outgoing(json, null, null);
        lock (_gate)
        {
            if (End != ConnectionEnd.Open || _closeQueued)
            {
                return Task.CompletedTask;
            }

            _outgoing.Writer.TryWrite(item);
        }

        return item.Written.Task;
    }

    /// <summary>Queues a close frame after everything already queued; later sends are dropped.</summary>
    public Task CloseAsync(int code, string reason)
    {
        var item = new Outgoing(null, code, reason);
        lock (_gate)
        {
            if (End != ConnectionEnd.Open || _closeQueued)
            {
                return Task.CompletedTask;
            }

            _closeQueued = true;
            _outgoing.Writer.TryWrite(item);
        }

        return item.Written.Task;
    }

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort()
    {
        lock (_gate)
        {
            if (End == ConnectionEnd.Open)
            {
                End = ConnectionEnd.Aborted;
                ClosedAt = _time.GetUtcNow();
            }
        }

        AbortRequest();
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection already finished.
        }
    }

    /// <summary>Called before the upgrade request ends: from then on aborts leave its HttpContext alone.</summary>
    public void Dispose()
    {
        lock (_requestGate)
        {
            _http = null;
        }

        _stop.Dispose();
    }

    /// <summary>Counts a received payload; false when the client exceeded <paramref name="limit"/> per <paramref name="window"/>.</summary>
    public bool CountReceived(int limit, TimeSpan window)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _receivedAt.Enqueue(now);
            while (_receivedAt.Count > 0 && now - _receivedAt.Peek() > window)
            {
                _receivedAt.Dequeue();
            }

            return _receivedAt.Count <= limit;
        }
    }

    /// <summary>Runs until the connection ends; <paramref name="onMessage"/> gets each complete text message.</summary>
    public async Task RunAsync(int maxPayloadBytes, Func<GatewayConnection, string?, Task> onMessage, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        var writer = WriteLoopAsync(linked.Token);
        try
        {
            await ReadLoopAsync(maxPayloadBytes, onMessage, linked.Token);
        }
        finally
        {
            MarkEnded(ConnectionEnd.Aborted, null);
            _outgoing.Writer.TryComplete();
            await _stop.CancelAsync();
            await writer;
        }
    }

    private async Task ReadLoopAsync(int maxPayloadBytes, Func<GatewayConnection, string?, Task> onMessage, CancellationToken cancellationToken)
    {
        var buffer = new byte[maxPayloadBytes + 1];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                var tooLarge = false;
                do
                {
                    if (length >= buffer.Length)
                    {
                        // Keep draining the oversized message; the handler sees null and closes 4002.
                        tooLarge = true;
                        length = 0;
                    }

                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    MarkEnded(ConnectionEnd.ClosedByClient, (int?)_socket.CloseStatus);
                    await TryCloseOutputAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure);
                    return;
                }

                var text = tooLarge || length > maxPayloadBytes || result.MessageType != WebSocketMessageType.Text
                    ? null
                    : Encoding.UTF8.GetString(buffer, 0, length);
                await onMessage(this, text);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ConnectionAbortedException)
        {
            MarkEnded(ConnectionEnd.Aborted, null);
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                if (item.Json is not null)
                {
                    await _socket.SendAsync(Encoding.UTF8.GetBytes(item.Json), WebSocketMessageType.Text, true, cancellationToken);
                    Sent?.Invoke(this, item.Json);
                    item.Written.TrySetResult();
                    continue;
                }

                MarkEnded(ConnectionEnd.ClosedByServer, item.CloseCode);
                await _socket.CloseOutputAsync((WebSocketCloseStatus)item.CloseCode!.Value, item.Reason, cancellationToken);
                item.Written.TrySetResult();

                // Give the client a moment to answer the close handshake, then drop the socket.
                _ = AbortAfterAsync(TimeSpan.FromSeconds(2));
                return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ConnectionAbortedException)
        {
            MarkEnded(ConnectionEnd.Aborted, null);
        }
        finally
        {
            while (_outgoing.Reader.TryRead(out var pending))
            {
                pending.Written.TrySetResult();
            }
        }
    }

    private async Task AbortAfterAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stop.Token);
            AbortRequest();
            await _stop.CancelAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Connection already finished.
        }
    }

    /// <summary>
    /// Drops the TCP connection if the upgrade request is still running. Callers such as
    /// <see cref="GatewayHub.AbortOpen"/> work from a snapshot taken while the connection was open, so it
    /// may have ended (and its context been recycled) since; the lock keeps <see cref="Dispose"/> from
    /// finishing, and so the request from ending, in the middle of an abort.
    /// </summary>
    private void AbortRequest()
    {
        lock (_requestGate)
        {
            _http?.Abort();
        }
    }

    private async Task TryCloseOutputAsync(WebSocketCloseStatus status)
    {
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(status, null, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            // The client is gone already; nothing to answer.
        }
    }

    private void MarkEnded(ConnectionEnd end, int? code)
    {
        lock (_gate)
        {
            if (End != ConnectionEnd.Open)
            {
                return;
            }

            End = end;
            CloseCode = code;
            ClosedAt = _time.GetUtcNow();
        }
    }

    private sealed record Outgoing(string? Json, int? CloseCode, string? Reason)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
