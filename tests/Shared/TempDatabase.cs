using ChatCoach.Core.Conversations;
using ChatCoach.Core.Outbox;
using ChatCoach.Core.Scripts;
using ChatCoach.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCoach.Tests.Shared;

/// <summary>A real SQLite file in a fresh temporary folder, migrated like the host does, deleted afterwards.</summary>
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

    public IReplyOutbox Outbox => _services.GetRequiredService<IReplyOutbox>();

    public static async Task<TempDatabase> CreateAsync()
    {
        var folder = new TempFolder("chatcoach-db-");
        var options = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder.Path, "db", "chatcoach.db")}" };
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddCoachStorage(options).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new TempDatabase(folder, services, options);
    }

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
