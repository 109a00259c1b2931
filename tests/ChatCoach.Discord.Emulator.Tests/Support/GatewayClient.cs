using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ChatCoach.Discord.Emulator.Tests.Support;

/// <summary>A raw ClientWebSocket with a background reader, so waits never abort the socket.</summary>
internal sealed class GatewayClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonObject> _frames = Channel.CreateUnbounded<JsonObject>();
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reader = Task.CompletedTask;

    public static async Task<GatewayClient> ConnectAsync(Uri url, string query = "?v=10&encoding=json")
    {
        var client = new GatewayClient();
        await client._socket.ConnectAsync(new Uri(url + query), CancellationToken.None);
        client._reader = client.ReadAsync();
        return client;
    }

    /// <summary>Connects, reads Hello, identifies and returns READY.</summary>
    public static async Task<(GatewayClient Client, JsonObject Ready)> IdentifiedAsync(DiscordEmulator emulator, long intents = 4097)
    {
        var client = await ConnectAsync(emulator.GatewayUrl);
        await client.ExpectAsync(f => f["op"]!.GetValue<int>() == 10);
        await client.SendAsync(Identify(emulator.Options.Token, intents));
        var ready = await client.ExpectDispatchAsync("READY");
        return (client, ready);
    }

    public static JsonObject Identify(string token, long intents = 4097) => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = intents,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "tests", ["device"] = "tests" },
        },
    };

    public Task SendAsync(JsonNode payload) => SendRawAsync(payload.ToJsonString());

    public Task SendRawAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Next frame that matches, skipping others (heartbeat ACKs and the like).</summary>
    public async Task<JsonObject> ExpectAsync(Func<JsonObject, bool> predicate, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Patience);
        try
        {
            while (true)
            {
                var frame = await _frames.Reader.ReadAsync(cancel.Token);
                if (predicate(frame))
                {
                    return frame;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("Expected gateway frame did not arrive.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"Connection closed ({await _closed.Task}) before the expected frame.");
        }
    }

    public Task<JsonObject> ExpectDispatchAsync(string eventName, TimeSpan? timeout = null) =>
        ExpectAsync(f => f["op"]!.GetValue<int>() == 0 && f["t"]!.GetValue<string>() == eventName, timeout);

    public Task<JsonObject> ExpectOpAsync(int op, TimeSpan? timeout = null) => ExpectAsync(f => f["op"]!.GetValue<int>() == op, timeout);

    /// <summary>Whether a matching frame arrives within <paramref name="window"/>.</summary>
    public async Task<bool> ReceivesWithinAsync(Func<JsonObject, bool> predicate, TimeSpan window)
    {
        try
        {
            await ExpectAsync(predicate, window);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The close code the server sent (null when the connection dropped without one).</summary>
    public Task<int?> ClosedAsync() => _closed.Task.WaitAsync(Patience);

    public Task CloseAsync(WebSocketCloseStatus status) => _socket.CloseAsync(status, "bye", CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _reader;
        _socket.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult((int?)result.CloseStatus);
                    return;
                }

                _frames.Writer.TryWrite(JsonNode.Parse(message.ToArray())!.AsObject());
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _closed.TrySetResult(null);
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}
