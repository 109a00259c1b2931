namespace ChatCoach.Bench;

/// <summary>The benchmark's command line.</summary>
internal sealed record BenchOptions(string Workload, string Store, string Synchronous, string? Database, string? Connection, int Concurrency)
{
    public const string Usage = """
        Usage: ChatCoach.Bench --workload PATH [--store sqlite|postgres|memory] [--synchronous normal|full] [--db PATH]
                               [--connection CONNECTION-STRING] [--concurrency N]
          --workload     the workload file (shared/bench/workload.jsonl)
          --store        sqlite: the production store on a SQLite file in WAL mode (default)
                         postgres: the production store on the PostgreSQL database of --connection (migrated first;
                         each run writes under its own platform name, so runs, even at once, never meet)
                         memory: an in-memory store, so the figures are the engine's and the service's cost alone
          --synchronous  SQLite's synchronous setting: normal (default; survives a process crash, not a power cut)
                         or full (survives both)
          --db           the SQLite file; deleted first if it exists (default: a new file in the temp folder)
          --connection   the PostgreSQL connection string (Host=...;Database=...;Username=...), for --store postgres
          --concurrency  users in flight at once, each user's messages in order (default 1)
        """;

    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? workload = null, database = null, connection = null;
        string store = "sqlite", synchronous = "normal";
        var concurrency = 1;
        for (var i = 0; i < args.Count; i++)
        {
            if (i + 1 >= args.Count)
            {
                return (null, $"'{args[i]}' needs a value");
            }

            var value = args[i + 1];
            switch (args[i++])
            {
                case "--workload":
                    workload = value;
                    break;
                case "--store" when value is "sqlite" or "postgres" or "memory":
                    store = value;
                    break;
                case "--synchronous" when value is "normal" or "full":
                    synchronous = value;
                    break;
                case "--db":
                    database = value;
                    break;
                case "--connection":
                    connection = value;
                    break;
                case "--concurrency" when int.TryParse(value, out concurrency) && concurrency >= 1:
                    break;
                default:
                    return (null, $"'{args[i - 1]} {value}' is not understood");
            }
        }

        return workload is null ? (null, "--workload is required")
            : store == "postgres" && connection is null ? (null, "--store postgres needs --connection")
            : (new BenchOptions(workload, store, synchronous, database, connection, concurrency), null);
    }
}
