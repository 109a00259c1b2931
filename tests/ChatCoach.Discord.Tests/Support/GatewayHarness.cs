using ChatCoach.Discord.Gateway;
using ChatCoach.Discord.Rest;
using Moq;

namespace ChatCoach.Discord.Tests.Support;

// A DiscordGatewayClient wired to a ScriptedGatewayServer; GET /gateway/bot is answered in memory.
internal sealed class GatewayHarness : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly DiscordRestClient _rest;
    private readonly CancellationTokenSource _stop = new();

    public GatewayHarness(Action<DiscordClientOptions>? configure = null, double jitter = 0.5, Func<int, string>? gatewayBotBody = null)
    {
        Server = new ScriptedGatewayServer();
        var calls = 0;
        GatewayBotHandler = new RecordingHandler(request =>
        {
            var n = Interlocked.Increment(ref calls);
            return RecordingHandler.Json(gatewayBotBody?.Invoke(n) ?? $$$"""{"url":"{{{Server.Url}}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":1000,"max_concurrency":1}}""");
        });
        _http = new HttpClient(GatewayBotHandler);
        Options = TestOptions.Create();
        Options.IdentifySpacing = TimeSpan.Zero;
        configure?.Invoke(Options);
        _rest = new DiscordRestClient(_http, Options);
        Random = new Mock<Random>();
        Random.Setup(r => r.NextDouble()).Returns(jitter);
        Client = new DiscordGatewayClient(Options, _rest, TimeProvider.System, Random.Object);
    }

    public ScriptedGatewayServer Server { get; }

    public RecordingHandler GatewayBotHandler { get; }

    public DiscordClientOptions Options { get; }

    public Mock<Random> Random { get; }

    public DiscordGatewayClient Client { get; }

    public Task? Run { get; private set; }

    public void Start() => Run = Client.RunAsync(_stop.Token);

    public Task StopAsync() => _stop.CancelAsync();

    public async Task<T> NextEventAsync<T>(TimeSpan? timeout = null)
        where T : GatewayEvent
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var next = await Client.Events.ReadAsync(cts.Token);
        return Assert.IsType<T>(next);
    }

    // Accepts a connection, says Hello, expects Identify and answers READY with this server as resume URL.
    public async Task<ScriptedConnection> ConnectAndIdentifyAsync(int heartbeatMs = 60_000, string sessionId = "session-1", long readySequence = 1)
    {
        var connection = await Server.NextConnectionAsync();
        await connection.SendHelloAsync(heartbeatMs);
        await connection.ReceiveOpAsync(2);
        await connection.SendReadyAsync(readySequence, Server.Url, sessionId);
        await NextEventAsync<ReadyEvent>();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();

        // Dropping the server side first spares each test the client's wait for a close echo.
        await Server.DisposeAsync();
        if (Run is not null)
        {
            try
            {
                await Run.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is OperationCanceledException or DiscordGatewayException or TimeoutException)
            {
            }
        }

        _rest.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }
}
