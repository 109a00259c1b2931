using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using ChatCoach.Discord.Emulator.Gateway;
using ChatCoach.Discord.Emulator.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatCoach.Discord.Emulator.Tests;

/// <summary>
/// Nothing the emulator keeps may reach into a request after Kestrel has taken it back, and a test
/// that sees what a request did also sees its record.
/// </summary>
public sealed class RequestLifetimeTests
{
    private const string User = "53908232506183680";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Aborting_a_connection_that_ended_meanwhile_leaves_its_recycled_HttpContext_alone()
    {
        // A real WebSocket over loopback TCP, upgraded through a hand-made HttpContext so the test can
        // recycle that context exactly as Kestrel does once the upgrade request has finished.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        var connecting = client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var server = await listener.AcceptTcpClientAsync();
        await connecting;
        using var clientSocket = WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false });
        var http = new DefaultHttpContext();
        http.Request.Path = "/";
        http.Request.QueryString = new QueryString("?v=10&encoding=json");
        http.Features.Set<IHttpWebSocketFeature>(new Upgrade(WebSocket.CreateFromStream(server.GetStream(), new WebSocketCreationOptions { IsServer = true })));
        var hub = new GatewayHub(new EmulatorOptions(), new EventLog<ProtocolViolation>(), _ => []);

        var accepting = hub.AcceptAsync(http, CancellationToken.None);
        var hello = await ReceiveTextAsync(clientSocket);
        var stale = Assert.Single(hub.OpenConnections()); // what DisposeAsync/DropConnectionsAsync hold while the connection ends
        clientSocket.Abort();
        client.Close(); // the bot process goes away
        await accepting.WaitAsync(Patience);
        http.Uninitialize(); // Kestrel recycles the context once the request is over

        var error = Record.Exception(stale.Abort);

        Assert.Contains("\"op\":10", hello, StringComparison.Ordinal);
        Assert.Null(error);
        Assert.Empty(hub.OpenConnections());
    }

    [Fact]
    public async Task A_request_is_recorded_before_the_message_it_made_can_be_seen()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var rest = new RestClient(emulator);
        var channel = emulator.DmChannelId(User);
        using var read = new ManualResetEventSlim();
        Task<int>? requestsSeen = null;

        // The predicate runs on the request's thread the moment the message is published. The reader
        // stands for a test that was waiting for that message and now looks for the request: it must
        // not get an answer before the request is on record (it may wait for it instead).
        var waiting = emulator.WaitForMessageAsync(m =>
        {
            // Its own thread: the request holds a pool thread here, and a small pool would start it late.
            requestsSeen = Task.Factory.StartNew(
                () =>
                {
                    var count = emulator.Requests.Count(r => r.Files.Count > 0);
                    read.Set();
                    return count;
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            // Unordered, the reader answers 0 within this pause, deterministically; ordered, it blocks
            // until the request is recorded, so the pause runs out and the reader answers 1 afterwards.
            read.Wait(TimeSpan.FromMilliseconds(300));
            return true;
        }, Patience);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("{\"content\":\"export\"}", Encoding.UTF8, "application/json"), "payload_json" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("# export"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        form.Add(file, "files[0]", "chatcoach-export.md");
        var response = await rest.SendAsync(new HttpRequestMessage(HttpMethod.Post, rest.Url($"/channels/{channel}/messages")) { Content = form });
        var message = await waiting;

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("chatcoach-export.md", Assert.Single(message.Files).FileName);
        Assert.Equal(1, await requestsSeen!.WaitAsync(Patience));
        var request = Assert.Single(emulator.Requests, r => r.Files.Count > 0);
        Assert.Equal("# export", Encoding.UTF8.GetString(Assert.Single(request.Files).Content.Span));
        Assert.StartsWith("multipart/form-data", request.Headers["Content-Type"], StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> ReceiveTextAsync(WebSocket socket)
    {
        var buffer = new byte[4096];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).AsTask().WaitAsync(Patience);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>Hands the prepared server end to <c>AcceptWebSocketAsync</c>.</summary>
    private sealed class Upgrade(WebSocket socket) : IHttpWebSocketFeature
    {
        public bool IsWebSocketRequest => true;

        public Task<WebSocket> AcceptAsync(WebSocketAcceptContext context) => Task.FromResult(socket);
    }
}
