using ChatCoach.Discord.Emulator;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Tests.Discord;

/// <summary>The loopback Discord emulator and the real chatcoach host connected to it, in its own process.</summary>
internal sealed class DiscordBot : IAsyncDisposable
{
    private readonly TempFolder _folder = new("chatcoach-discord-");
    private string? _dialogs;
    private readonly List<ChatCoachProcess> _hosts = [];

    private readonly string[] _database;

    private DiscordBot(DiscordEmulator emulator, string? postgres)
    {
        Emulator = emulator;
        _database = postgres is null
            ? ["--db", Database]
            : ["--ChatCoach:Database:Provider=Postgres", $"--ChatCoach:Database:ConnectionString={postgres}"];
    }

    public DiscordEmulator Emulator { get; }

    public string Database => Path.Combine(_folder.Path, "data", "bot.db");

    public ChatCoachProcess Host => _hosts[^1];

    /// <summary>Every host started, in order.</summary>
    public IReadOnlyList<ChatCoachProcess> Hosts => _hosts;

    public static Task<DiscordBot> StartAsync(Func<EmulatorOptions, EmulatorOptions>? configure = null, params string[] settings) =>
        LaunchAsync(configure, postgres: null, _ => settings);

    /// <summary>The emulator and a first host on the PostgreSQL database <paramref name="postgres"/> (a connection string).</summary>
    public static Task<DiscordBot> StartOnPostgresAsync(Func<EmulatorOptions, EmulatorOptions>? configure, string postgres, params string[] settings) =>
        LaunchAsync(configure, postgres, _ => settings);

    /// <summary>Starts the emulator, then the host with settings that may depend on it (its interactions public key).</summary>
    public static Task<DiscordBot> StartAsync(Func<EmulatorOptions, EmulatorOptions>? configure, Func<DiscordEmulator, string[]> settings) =>
        LaunchAsync(configure, postgres: null, settings);

    private static async Task<DiscordBot> LaunchAsync(Func<EmulatorOptions, EmulatorOptions>? configure, string? postgres, Func<DiscordEmulator, string[]> settings)
    {
        var options = new EmulatorOptions
        {
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            IdentifyConcurrencyWindow = TimeSpan.FromMilliseconds(200),
        };
        var bot = new DiscordBot(await DiscordEmulator.StartAsync(configure?.Invoke(options) ?? options), postgres);
        await bot.StartHostAsync(settings(bot.Emulator));
        await bot.WaitForLogAsync("slash commands are up to date");
        return bot;
    }

    /// <summary>Starts one more host on the same token and database (a restart, or a second host during a deploy).</summary>
    public async Task StartHostAsync(params string[] settings)
    {
        var connections = Emulator.Connections.Count;
        _hosts.Add(ChatCoachProcess.Start(_folder.Path, Arguments(Emulator.Options.Token, settings)));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!Emulator.Connections.Skip(connections).Any(c => c.SessionId is not null))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60) || Host.HasExited)
            {
                throw new TimeoutException($"the host never connected.\nstderr:\n{Host.Errors}");
            }

            await Task.Delay(20);
        }

    }

    /// <summary>Starts one more host that finds every shard leased and stands by to take one over.</summary>
    public async Task StartStandbyAsync(params string[] settings)
    {
        _hosts.Add(ChatCoachProcess.Start(_folder.Path, Arguments(Emulator.Options.Token, settings)));
        await WaitForLogAsync("standing by for a shard lease");
    }

    // Simulated users answer far faster than people type; the flood limit is tested on its own.
    /// <summary>Waits until the host has logged <paramref name="text"/> (it logs to stderr).</summary>
    public async Task WaitForLogAsync(string text)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!Host.Errors.Contains(text, StringComparison.OrdinalIgnoreCase))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60) || Host.HasExited)
            {
                throw new TimeoutException($"the host never logged '{text}'.\nstderr:\n{Host.Errors}");
            }

            await Task.Delay(20);
        }
    }

    public string[] Arguments(string token, params string[] settings) =>
    [
        .. _database,
        "--ChatCoach:Discord:UserMessagesPer10s=1000",
        $"--ChatCoach:Dialogs:Path={Dialogs}",
        $"--ChatCoach:Discord:Token={token}",
        $"--ChatCoach:Discord:ApiBaseUrl={Emulator.ApiBaseUrl}",
        .. settings,
    ];

    public string Folder => _folder.Path;

    /// <summary>
    /// This bot's own copy of the scripts and goldens, shared by its hosts: replicas write the live version into their
    /// folder, and a test must never write into the repository's.
    /// </summary>
    private string Dialogs => _dialogs ??= _folder.CopyDialogs(goldens: "*.yaml");

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        await Emulator.DisposeAsync();
        _folder.Dispose();
    }
}
