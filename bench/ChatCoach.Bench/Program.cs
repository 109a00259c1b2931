using System.Diagnostics;
using System.Globalization;
using ChatCoach.Bench;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Scripts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Replays the reference workload through the real conversation service, engine and store, one turn per message;
// a turn counts once HandleAsync returns, which is after it was saved. Checks correctness first, then prints one
// figure a line. Exit codes: 0 correct, 1 a wrong result, 2 a wrong command line.
if (args is ["http", .. var httpArgs])
{
    return await HttpInteractionsBench.RunAsync(httpArgs);
}

var (options, error) = BenchOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync($"ChatCoach.Bench: {error}\n\n{BenchOptions.Usage}");
    return 2;
}

var users = WorkloadUser.Load(options.Workload);
var loaded = await ScriptLoader.LoadFileAsync(Path.Combine(AppContext.BaseDirectory, "reference.yaml"));
if (loaded.Script is not { } script)
{
    await Console.Error.WriteLineAsync(string.Join('\n', loaded.Problems));
    return 2;
}

var database = options.Store == "sqlite"
    ? Path.GetFullPath(options.Database ?? Path.Combine(Path.GetTempPath(), $"chatcoach-bench-{Environment.ProcessId}.db"))
    : null;
await using var services = await StoreServices.CreateAsync(options, database);
var store = new TimedSessionStore(services.GetRequiredService<ISessionStore>());
var conversations = new ConversationService(new ScriptCatalog([script], script.Id), store, TimeProvider.System,
    Options.Create(new PrivacyOptions()), NullLogger<ConversationService>.Instance);

var replay = new Replay(conversations, users, options.Store == "postgres" ? $"bench-{Guid.NewGuid():N}" : "bench");
GC.Collect();
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var wall = Stopwatch.StartNew();
await replay.RunAsync(options.Concurrency);
wall.Stop();
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
var (start, save) = store.Ticks; // before the check, whose loads are not turns

var problems = await replay.CheckAsync(store);
var mode = options.Store switch
{
    "memory" => "memory",
    "postgres" => "postgres (the server's own fsync and synchronous_commit)",
    _ => $"sqlite WAL synchronous={options.Synchronous.ToUpperInvariant()}",
};
Console.WriteLine($"mode: {mode}, concurrency {options.Concurrency}, {users.Count} users, {replay.Turns} turns");
Console.WriteLine($"correctness: {replay.Completed}/{users.Count} plans with the expected answers, {replay.Reasks} re-asks (expected {users.Sum(u => u.Reasks)}) => {(problems.Count == 0 ? "OK" : "FAIL")}");
foreach (var problem in problems.Take(20))
{
    Console.WriteLine($"  {problem}");
}

var latencies = replay.Latencies;
Array.Sort(latencies);
static string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency).ToString("0.000", CultureInfo.InvariantCulture);
string Us(long ticks) => (ticks * 1e6 / Stopwatch.Frequency / replay.Turns).ToString("0.0", CultureInfo.InvariantCulture);
long At(double quantile) => latencies[Math.Clamp((int)Math.Ceiling(quantile * latencies.Length) - 1, 0, latencies.Length - 1)];

Console.WriteLine($"{replay.Turns / wall.Elapsed.TotalSeconds:0} turns/s");
Console.WriteLine($"p50 {Ms(At(0.50))} ms per turn");
Console.WriteLine($"p99 {Ms(At(0.99))} ms per turn");
Console.WriteLine($"max {Ms(latencies[^1])} ms per turn");
Console.WriteLine($"{allocated / replay.Turns} bytes allocated per turn");
Console.WriteLine($"{cpu.TotalMicroseconds / replay.Turns:0.0} us of CPU per turn (all threads; steadier than wall time on a shared machine)");
var inTurns = latencies.Sum();
Console.WriteLine($"time per turn: start (event check and load) {Us(start)} us, save {Us(save)} us, the rest (engine, service) {Us(inTurns - start - save)} us");
Console.WriteLine($"{Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0.0} MB peak working set");
if (database is not null)
{
    var bytes = StoreServices.CheckpointedSize(database);
    Console.WriteLine($"{bytes / (1024.0 * 1024):0.00} MB database");
    Console.WriteLine($"{bytes / Math.Max(1, replay.Completed)} bytes per completed user");
    if (options.Database is null)
    {
        await services.DisposeAsync();
        StoreServices.Delete(database);
    }
}

return problems.Count == 0 ? 0 : 1;
