using System.Collections.Concurrent;
using ChatCoach.Discord.Emulator;
using ChatCoach.Discord.Gateway;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;
using Moq;

namespace ChatCoach.Discord.Tests.Support;

// The real clients against the shared Discord emulator (Kestrel on 127.0.0.1), plus a tiny bot that echoes
// DMs, so tests read like conversations: a user writes, the bot answers, faults happen in between.
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string User = "53908099506183680";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _bot;

    private EmulatorHarness(DiscordEmulator emulator, DiscordClientOptions options, double jitter)
    {
        Emulator = emulator;
        Options = options;
        Rest = new DiscordRestClient(_http, options);
        var random = new Mock<Random>();
        random.Setup(r => r.NextDouble()).Returns(jitter);
        Gateway = new DiscordGatewayClient(options, Rest, TimeProvider.System, random.Object);
    }

    public DiscordEmulator Emulator { get; }

    public DiscordClientOptions Options { get; }

    public DiscordRestClient Rest { get; }

    public DiscordGatewayClient Gateway { get; }

    public Task Run { get; private set; } = Task.CompletedTask;

    // Every event the bot consumed, in order.
    public ConcurrentQueue<GatewayEvent> Events { get; } = new();

    // What the bot does with an event; the default echoes DMs from users.
    public Func<GatewayEvent, Task>? OnEvent { get; set; }

    // What users wrote, as the bot received it (the bot's own messages come back as MESSAGE_CREATE too).
    public IEnumerable<string> DmContents => Events.OfType<MessageCreateEvent>().Where(e => e.IsFromUser).Select(e => e.Message.Content);

    public static async Task<EmulatorHarness> StartAsync(Func<EmulatorOptions, EmulatorOptions>? configure = null, Action<DiscordClientOptions>? client = null, double jitter = 0.5)
    {
        var emulatorOptions = new EmulatorOptions
        {
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            IdentifyConcurrencyWindow = TimeSpan.FromMilliseconds(300),
        };
        var emulator = await DiscordEmulator.StartAsync(configure?.Invoke(emulatorOptions) ?? emulatorOptions);
        var options = TestOptions.Create(emulator.ApiBaseUrl);
        options.Token = emulator.Options.Token;
        options.IdentifySpacing = emulator.Options.IdentifyConcurrencyWindow + TimeSpan.FromMilliseconds(50);
        client?.Invoke(options);
        return new EmulatorHarness(emulator, options, jitter);
    }

    public async Task StartBotAsync(bool waitForReady = true)
    {
        Run = Gateway.RunAsync(_stop.Token);
        _bot = Task.Run(ConsumeAsync);
        if (waitForReady)
        {
            await Emulator.WaitForReadyAsync(Wait);
        }
    }

    // A user writes; the echo bot answers "echo: …" in the same DM. Returns when the answer exists.
    public async Task<EmulatedMessage> RoundTripAsync(string content)
    {
        await Emulator.SendDirectMessageAsync(User, content);
        return await Emulator.WaitForMessageAsync(m => m.RecipientUserId == User && m.Content == "echo: " + content, Wait);
    }

    public Task WaitForEchoAsync(string content) =>
        Emulator.WaitForMessageAsync(m => m.RecipientUserId == User && m.Content == "echo: " + content, Wait);

    public async Task<T> WaitForEventAsync<T>(Func<T, bool>? predicate = null)
        where T : GatewayEvent
    {
        for (var waited = TimeSpan.Zero; waited < Wait; waited += TimeSpan.FromMilliseconds(20))
        {
            if (Events.OfType<T>().FirstOrDefault(e => predicate?.Invoke(e) ?? true) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no {typeof(T).Name} within {Wait}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or DiscordGatewayException or TimeoutException)
        {
        }

        if (_bot is not null)
        {
            try
            {
                await _bot.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is OperationCanceledException or DiscordGatewayException or TimeoutException)
            {
            }
        }

        await Emulator.DisposeAsync();
        Rest.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task ConsumeAsync()
    {
        await foreach (var e in Gateway.Events.ReadAllAsync(_stop.Token))
        {
            Events.Enqueue(e);
            if (OnEvent is { } handler)
            {
                await handler(e);
            }
            else if (e is MessageCreateEvent { IsDirectMessage: true, IsFromUser: true } m)
            {
                await Rest.CreateMessageAsync(m.Message.ChannelId, new OutgoingMessage("echo: " + m.Message.Content));
            }
        }
    }
}
