using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;

namespace ChatCoach.Discord.Tests.Support;

// A WebSocket peer on 127.0.0.1 that a test drives frame by frame (raw TcpListener + WebSocket.CreateFromStream),
// for protocol details the shared emulator does not expose: exact frames, timing, fragmentation.
internal sealed class ScriptedGatewayServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Channel<ScriptedConnection> _connections = Channel.CreateUnbounded<ScriptedConnection>();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ScriptedConnection> _all = [];
    private readonly Task _acceptLoop;

    public ScriptedGatewayServer()
    {
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri Url => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public async Task<ScriptedConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _connections.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        lock (_all)
        {
            foreach (var connection in _all)
            {
                connection.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var target = await HandshakeAsync(stream, _stop.Token);
            var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
            var connection = new ScriptedConnection(client, socket, target);
            lock (_all)
            {
                _all.Add(connection);
            }

            await _connections.Writer.WriteAsync(connection, _stop.Token);
        }
    }

    private static async Task<string> HandshakeAsync(NetworkStream stream, CancellationToken token)
    {
        var buffer = new byte[8192];
        var length = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), token);
            if (read == 0)
            {
                throw new IOException("client closed during the handshake");
            }

            length += read;
            if (Encoding.ASCII.GetString(buffer, 0, length).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(buffer, 0, length).Split("\r\n");
        var target = lines[0].Split(' ')[1];
        var key = lines.First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for Sec-WebSocket-Accept; it is not used for security here.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        var response = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), token);
        return target;
    }
}
