using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ChatCoach.Discord.Tests.Support;

internal sealed class ScriptedConnection : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpClient _client;
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public ScriptedConnection(TcpClient client, WebSocket socket, string requestTarget)
    {
        _client = client;
        _socket = socket;
        RequestTarget = requestTarget;
    }

    public string RequestTarget { get; }

    // Every frame the client sent, with the time it arrived (for timing assertions).
    public List<(TimeSpan At, JsonElement Frame)> Received { get; } = [];

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public WebSocketCloseStatus? ClientCloseStatus { get; private set; }

    public Task SendAsync(string json) => SendRawAsync(Encoding.UTF8.GetBytes(json), chunk: int.MaxValue);

    public Task SendAsync(object frame) => SendAsync(JsonSerializer.Serialize(frame));

    public Task SendHelloAsync(int intervalMs) => SendAsync("{\"op\":10,\"d\":{\"heartbeat_interval\":" + intervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}");

    public Task SendDispatchAsync(string name, long sequence, string dataJson) =>
        SendAsync($$"""{"op":0,"s":{{sequence}},"t":"{{name}}","d":{{dataJson}}}""");

    public Task SendReadyAsync(long sequence, Uri resumeUrl, string sessionId = "session-1") =>
        SendDispatchAsync("READY", sequence, $$$"""{"v":10,"user":{"id":"1090372582781497424","username":"chatcoach","bot":true},"guilds":[],"session_id":"{{{sessionId}}}","resume_gateway_url":"{{{resumeUrl}}}","shard":[0,1],"application":{"id":"234248956100616262","flags":0}}""");

    public Task SendDmAsync(long sequence, string messageId, string content) =>
        SendDispatchAsync("MESSAGE_CREATE", sequence, $$"""{"id":"{{messageId}}","channel_id":"290926798999357250","channel_type":1,"author":{"id":"53908099506183680","username":"mason"},"content":"{{content}}","type":0,"flags":0}""");

    // Splits one text message over several WebSocket frames.
    public Task SendFragmentedAsync(string json, int chunk) => SendRawAsync(Encoding.UTF8.GetBytes(json), chunk);

    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (true)
        {
            var result = await _socket.ReceiveAsync(chunk, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                ClientCloseStatus = result.CloseStatus;
                throw new WebSocketException($"client closed with {(int?)result.CloseStatus}");
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                using var doc = JsonDocument.Parse(buffer.ToArray());
                var frame = doc.RootElement.Clone();
                Received.Add((Clock.Elapsed, frame));
                return frame;
            }
        }
    }

    // Receives until a frame with the given opcode arrives, optionally ACKing heartbeats on the way.
    public async Task<JsonElement> ReceiveOpAsync(int op, bool ackHeartbeats = true, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var left = limit - deadline.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no op {op} within {limit}");
            }

            var frame = await ReceiveAsync(left);
            var frameOp = frame.GetProperty("op").GetInt32();
            if (frameOp == op)
            {
                return frame;
            }

            if (frameOp == 1 && ackHeartbeats)
            {
                await SendAsync("""{"op":11}""");
            }
        }
    }

    // Waits for the client's close frame (or the TCP connection ending) and returns the close status, if any.
    public async Task<WebSocketCloseStatus?> WaitForClientCloseAsync(TimeSpan? timeout = null)
    {
        try
        {
            while (true)
            {
                await ReceiveAsync(timeout);
            }
        }
        catch (WebSocketException)
        {
            return ClientCloseStatus;
        }
    }

    public async Task CloseAsync(int code, string reason = "")
    {
        using var cts = new CancellationTokenSource(DefaultTimeout);
        await _sendLock.WaitAsync(cts.Token);
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cts.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    // Drops TCP without a close frame (a network failure as the client sees it).
    public void Drop()
    {
        _socket.Abort();
        _client.Client.Close(0);
    }

    public void Dispose()
    {
        _socket.Dispose();
        _client.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendRawAsync(byte[] bytes, int chunk)
    {
        using var cts = new CancellationTokenSource(DefaultTimeout);
        await _sendLock.WaitAsync(cts.Token);
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                var size = Math.Min(chunk, bytes.Length - offset);
                await _socket.SendAsync(bytes.AsMemory(offset, size), WebSocketMessageType.Text, offset + size >= bytes.Length, cts.Token);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
