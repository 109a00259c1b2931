using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChatCoach.Discord.Emulator;

namespace ChatCoach.Bench;

/// <summary>
/// <c>ChatCoach.Bench http</c>: simulated users sending slash commands over Discord's HTTP interactions transport,
/// signed by the loopback emulator, to one and then two real chatcoach replicas on one SQLite database. Each request
/// is a whole interaction: signature check, claim, turn, and the answer in the HTTP response. Prints requests per
/// second and latency per request, and the latency of /healthz and /readyz.
/// </summary>
internal static class HttpInteractionsBench
{
    private const string Usage = "Usage: ChatCoach.Bench http [--users N] [--requests N] (per user; defaults 50 and 20)";
    private static readonly string[] Commands = ["help", "plan"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (users, requests) = (50, 20);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var ok = args[i] switch
            {
                "--users" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out users) && users > 0,
                "--requests" => int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out requests) && requests > 0,
                _ => false,
            };
            if (!ok)
            {
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }
        }

        if (args.Count % 2 != 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        foreach (var replicas in new[] { 1, 2 })
        {
            await RunOnceAsync(replicas, users, requests);
        }

        return 0;
    }

    private static async Task RunOnceAsync(int replicas, int users, int requests)
    {
        var folder = Directory.CreateTempSubdirectory("chatcoach-bench-http-").FullName;
        var ports = Enumerable.Range(0, replicas).Select(_ => FreePort()).ToArray();
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions
        {
            InteractionsEndpoints = [.. ports.Select(p => new Uri($"http://127.0.0.1:{p}/interactions"))],
            IdentifyConcurrencyWindow = TimeSpan.FromMilliseconds(200),
            // What is measured is the bot, not Discord's limits.
            GlobalRateLimitPerSecond = 1_000_000,
            RouteRateLimits = [],
            DefaultRouteRateLimit = new RateLimitWindow(1_000_000, TimeSpan.FromSeconds(1)),
        });
        var hosts = new List<Process>();
        try
        {
            foreach (var port in ports)
            {
                hosts.Add(StartHost(folder, emulator, port));
                await WaitAsync(() => emulator.Connections.Count(c => c.SessionId is not null) >= hosts.Count, hosts);
            }

            // Each user has opened a conversation by DM first, as a real user would before using commands.
            var ids = Enumerable.Range(0, users).Select(i => (700000000000000000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
            foreach (var id in ids)
            {
                await emulator.SendDirectMessageAsync(id, "hi");
            }

            await WaitAsync(() => ids.All(id => emulator.MessagesToUser(id).Count > 0), hosts);
            var before = emulator.HttpAnswers.Count;
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(ids.Select(async id =>
            {
                for (var r = 0; r < requests; r++)
                {
                    await emulator.SlashCommandAsync(id, Commands[r % Commands.Length]);
                }
            }));
            wall.Stop();

            var answers = emulator.HttpAnswers.Skip(before).ToList();
            var failed = answers.Count(a => a.Status != 200 || a.CallbackType is not (4 or 5));
            var latencies = answers.Select(a => a.Elapsed.TotalMilliseconds).Order().ToArray();
            Console.WriteLine($"http interactions: {replicas} replica(s), {users} users, {answers.Count} requests ({failed} not answered 200 with a reply or deferral, {emulator.Violations.Count} protocol violations)");
            Console.WriteLine($"{answers.Count / wall.Elapsed.TotalSeconds:0} requests/s");
            Console.WriteLine($"p50 {At(latencies, 0.50):0.0} ms, p99 {At(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms per request");
            await HealthLatencyAsync(ports[0]);
        }
        finally
        {
            foreach (var host in hosts)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
                host.Dispose();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task HealthLatencyAsync(int port)
    {
        using var http = new HttpClient();
        foreach (var path in new[] { "/healthz", "/readyz" })
        {
            var times = new List<double>();
            for (var i = 0; i < 500; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"));
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                response.EnsureSuccessStatusCode();
            }

            var sorted = times.Order().ToArray();
            Console.WriteLine($"{path}: p50 {At(sorted, 0.50):0.00} ms, p99 {At(sorted, 0.99):0.00} ms (500 sequential requests)");
        }
    }

    private static Process StartHost(string folder, DiscordEmulator emulator, int port)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "chatcoach.dll"),
            "--db", Path.Combine(folder, "bench.db"),
            $"--ChatCoach:Discord:Token={emulator.Options.Token}",
            $"--ChatCoach:Discord:ApiBaseUrl={emulator.ApiBaseUrl}",
            $"--ChatCoach:Discord:PublicKey={emulator.InteractionsPublicKey}",
            "--ChatCoach:Discord:UserMessagesPer10s=1000000",
            $"--ChatCoach:Http:Urls=http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        // Drained so a chatty host never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitAsync(Func<bool> done, List<Process> hosts)
    {
        var waited = Stopwatch.StartNew();
        while (!done())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(120) || hosts.Any(h => h.HasExited))
            {
                throw new TimeoutException("the replicas did not come up (or stopped)");
            }

            await Task.Delay(20);
        }
    }

    private static double At(double[] sorted, double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
