using ChatCoach.Core.Conversations;
using ChatCoach.Core.Outbox;
using ChatCoach.Core.Scripts;
using ChatCoach.Storage;
using ChatCoach.Tests.Databases;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCoach.Tests.Shared;

/// <summary>
/// A real database migrated like the host does: a SQLite file in a fresh temporary folder, deleted afterwards, or a
/// fresh database on the tests' PostgreSQL server.
/// </summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly ServiceProvider _services;

    private TempDatabase(TempFolder folder, ServiceProvider services, DatabaseOptions options)
    {
        _folder = folder;
        _services = services;
        Options = options;
    }

    public string Folder => _folder.Path;

    public string File => Path.Combine(Folder, "db", "chatcoach.db");

    public DatabaseOptions Options { get; }

    public ISessionStore Store => _services.GetRequiredService<ISessionStore>();

    public IScriptHistory History => _services.GetRequiredService<IScriptHistory>();

    public IJobElection Election => _services.GetRequiredService<IJobElection>();

    public ILeases Leases => _services.GetRequiredService<ILeases>();

    public IReplyOutbox Outbox => _services.GetRequiredService<IReplyOutbox>();

    public static Task<TempDatabase> CreateAsync()
    {
        var folder = new TempFolder("chatcoach-db-");
        return CreateAsync(folder, new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder.Path, "db", "chatcoach.db")}" });
    }

    /// <summary>A fresh database on <paramref name="server"/> (the test is skipped when there is none).</summary>
    public static async Task<TempDatabase> CreateAsync(PostgresServer server) =>
        await CreateAsync(new TempFolder("chatcoach-db-"), new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = await server.CreateDatabaseAsync(),
        });

    /// <summary>Another replica's view of the same database: its own store, connections and election, not migrated again.</summary>
    public TempDatabase Replica(string id) =>
        new(new TempFolder("chatcoach-replica-"), Services(Options, id), Options);

    private static async Task<TempDatabase> CreateAsync(TempFolder folder, DatabaseOptions options)
    {
        var services = Services(options, "test-replica");
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new TempDatabase(folder, services, options);
    }

    private static ServiceProvider Services(DatabaseOptions options, string replica) =>
        new ServiceCollection().AddSingleton(TimeProvider.System).AddCoachStorage(options, new Replica(replica)).BuildServiceProvider();

    /// <summary>Every byte SQLite has on disk for this database: the file, its WAL and shared memory.</summary>
    public byte[] AllBytes() => BytesOnDisk(File);

    /// <summary>Every byte SQLite has on disk for <paramref name="file"/>, even while another process has it open.</summary>
    public static byte[] BytesOnDisk(string file)
    {
        SqliteConnection.ClearAllPools();
        return new[] { file, file + "-wal", file + "-shm" }
            .Where(System.IO.File.Exists)
            .SelectMany(path =>
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            })
            .ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
