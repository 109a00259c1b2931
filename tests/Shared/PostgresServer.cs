using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

// Public (xunit fixtures are), so not in the Shared namespace whose name CA1716 reserves.
namespace ChatCoach.Tests.Databases;

/// <summary>
/// The PostgreSQL server the tests of one test project share, once per run: the server named by
/// <c>ChatCoach_Test_Postgres</c> (a connection string; <c>.ci/run</c> sets it), or else a private cluster started here
/// (<c>initdb</c> and <c>pg_ctl</c> in a temporary folder, on a free port of 127.0.0.1, as the <c>postgres</c> user when
/// run as root, since both refuse root) and stopped at the end. Every test gets a database of its own.
/// Without binaries the PostgreSQL tests are skipped, naming the install command; <c>REQUIRE_POSTGRES=1</c> fails them instead.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "ChatCoach_Test_Postgres";
    public const string Install = "apt-get install -y postgresql";

    private readonly List<string> _databases = [];
    private string? _admin;
    private string? _cluster;
    private string? _binaries;
    private string? _missing;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            _admin = given;
            return;
        }

        _binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        if (_binaries is null)
        {
            _missing = $"PostgreSQL is not installed (no /usr/lib/postgresql/NN/bin/initdb) and {Variable} is not set: {Install}";
            return;
        }

        // Owned by the user the server runs as, who must write there.
        _cluster = (await RunAsync("mktemp", "-d", "/tmp/chatcoach-pg-XXXXXX")).Trim();
        var port = FreePort();
        await RunAsync(Path.Combine(_binaries, "initdb"), "-D", Path.Combine(_cluster, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8");
        await RunAsync(Path.Combine(_binaries, "pg_ctl"), "-D", Path.Combine(_cluster, "data"), "-l", Path.Combine(_cluster, "log"), "-w", "-o",
            $"-p {port} -k {_cluster} -c listen_addresses=127.0.0.1 -c max_connections=300", "start");
        _admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>A fresh, empty database; its connection string. Skips (or fails, under REQUIRE_POSTGRES=1) without a server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (_missing is not null)
        {
            if (Environment.GetEnvironmentVariable("REQUIRE_POSTGRES") == "1")
            {
                throw new InvalidOperationException($"REQUIRE_POSTGRES=1 but {_missing}");
            }

            Skip.If(true, _missing);
        }

        var name = $"chatcoach_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await RunAsync(Path.Combine(_binaries!, "pg_ctl"), "-D", Path.Combine(_cluster, "data"), "-m", "immediate", "stop");
            Directory.Delete(_cluster, recursive: true);
            return;
        }

        if (_admin is null)
        {
            return;
        }

        // A shared server keeps nothing of this run.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a PostgreSQL tool, as the postgres user when this process is root; its output, or an exception with it.</summary>
    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var asRoot = Environment.UserName == "root";
        var info = new ProcessStartInfo(asRoot ? "runuser" : tool) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var arg in asRoot ? ["-u", "postgres", "--", tool, .. args] : args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{Path.GetFileName(tool)} failed ({process.ExitCode}): {await errors}{await output}");
    }
}

/// <summary>The tests that share one <see cref="PostgresServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class UsesPostgres : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
