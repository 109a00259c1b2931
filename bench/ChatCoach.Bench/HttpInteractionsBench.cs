using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChatCoach.Discord.Emulator;

namespace ChatCoach.Bench;

/// <summary>
/// <c>ChatCoach.Bench http</c>: simulated users clicking through a conversation over Discord's HTTP interactions
/// transport, signed by the loopback emulator, against one and then two real chatcoach replicas on one SQLite
/// database. Each user runs <c>/start</c>, then clicks an answer on every question it is sent until the plan
/// (bench/clicks/clicks.yaml: every question a choice), so each turn goes through the signature check, the claim, the
/// engine, the outbox and the sender. Checks that every user reached the plan once with no question sent twice, then
/// prints requests per second, latency per request and per turn, and the latency of /healthz and /readyz.
/// </summary>
internal static class HttpInteractionsBench
{
    private const string Usage = "Usage: ChatCoach.Bench http [--users N] (default 50)";

    /// <summary>The questions of bench/clicks/clicks.yaml; a user still asked after this many is a failure.</summary>
    private const int Questions = 5;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var users = 50;
        if (args.Count != 0 && !(args is ["--users", var n] && int.TryParse(n, CultureInfo.InvariantCulture, out users) && users > 0))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var correct = true;
        foreach (var replicas in new[] { 1, 2 })
        {
            correct &= await RunOnceAsync(replicas, users);
        }

        return correct ? 0 : 1;
    }

    private static async Task<bool> RunOnceAsync(int replicas, int users)
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

            await WaitAsync(() => emulator.RegisteredCommands().Count > 0, hosts);
            var clicking = Enumerable.Range(0, users)
                .Select(i => new ClickingUser(emulator, (700000000000000000L + i).ToString(CultureInfo.InvariantCulture), seed: i)).ToList();
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(clicking.Select(u => u.PlayAsync(Questions)));
            wall.Stop();
            await Task.Delay(TimeSpan.FromSeconds(1)); // room for a reply sent twice, were there one

            var sent = clicking.SelectMany(u => u.Interactions).ToHashSet(StringComparer.Ordinal);
            var answers = emulator.HttpAnswers.Where(a => sent.Contains(a.InteractionId)).ToList();
            var commands = clicking.Select(u => u.Interactions[0]).ToHashSet(StringComparer.Ordinal);
            var wrong = answers.Count(a => a.Status != 200 || a.CallbackType is not { } type
                || (commands.Contains(a.InteractionId) ? type is not (4 or 5) : type != 6));
            var completed = clicking.Count(u => u.ReachedPlan);
            var duplicates = clicking.Sum(u => u.Duplicates());
            var correct = completed == users && duplicates == 0 && wrong == 0 && answers.Count == sent.Count && emulator.Violations.Count == 0;
            var latencies = answers.Select(a => a.Elapsed.TotalMilliseconds).Order().ToArray();
            var turns = clicking.SelectMany(u => u.TurnTimes).Order().ToArray();
            Console.WriteLine($"http interactions: {replicas} replica(s), {users} users, {answers.Count} requests (a /start and {Questions} clicks each; "
                + $"{wrong} not answered 200 with a reply, a deferral or a deferred update; {emulator.Violations.Count} protocol violations)");
            Console.WriteLine($"correctness: {completed}/{users} users reached the plan, {duplicates} question(s) or plan(s) sent twice => {(correct ? "OK" : "FAIL")}");
            Console.WriteLine($"{answers.Count / wall.Elapsed.TotalSeconds:0} requests/s");
            Console.WriteLine($"p50 {At(latencies, 0.50):0.0} ms, p99 {At(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms per request (the HTTP answer)");
            Console.WriteLine($"p50 {At(turns, 0.50):0.0} ms, p99 {At(turns, 0.99):0.0} ms per turn (a command or click until the next question or the plan arrived)");
            await HealthLatencyAsync(ports[0]);
            return correct;
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
            $"--ChatCoach:Dialogs:Path={Path.Combine(AppContext.BaseDirectory, "clicks")}",
            "--ChatCoach:Dialogs:Default=clicks",
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
