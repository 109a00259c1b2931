using System.Globalization;
using ChatCoach.Discord.Emulator;

// Standalone host: prints the API base URL on one line, then serves until stdin closes or the process is stopped.
var options = new EmulatorOptions { EnableControlEndpoints = true };
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = args[i + 1];
    options = args[i] switch
    {
        "--token" => options with { Token = value },
        "--port" => options with { Port = int.Parse(value, CultureInfo.InvariantCulture) },
        "--heartbeat-interval-ms" => options with { HeartbeatInterval = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)) },
        "--application-id" => options with { ApplicationId = value },
        "--bot-user-id" => options with { BotUserId = value },
        "--interaction-deadline-ms" => options with { InteractionResponseDeadline = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)) },
        "--identify-window-ms" => options with { IdentifyConcurrencyWindow = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --token, --port, --heartbeat-interval-ms, --application-id, --bot-user-id, --interaction-deadline-ms, --identify-window-ms."),
    };
}

// Not disposed: ProcessExit may still cancel it after Main returns.
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var emulator = await DiscordEmulator.StartAsync(options, stop.Token);
Console.Out.WriteLine(emulator.ApiBaseUrl);
Console.Out.Flush();

// stdin closing (the parent went away) ends the emulator too.
var stdinClosed = Task.Run(async () =>
{
    using var input = Console.OpenStandardInput();
    var buffer = new byte[256];
    while (await input.ReadAsync(buffer, stop.Token) > 0)
    {
    }
});
await Task.WhenAny(stdinClosed, Task.Delay(Timeout.Infinite, stop.Token)).ContinueWith(_ => { }, TaskScheduler.Default);
