using ChatCoach.Core.Conversations;
using ChatCoach.Core.Scripts;
using ChatCoach.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCoach.Tests.Shared;

/// <summary>A real SQLite file in a fresh temporary folder, migrated like the host does, deleted afterwards.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TempDatabase(string folder, ServiceProvider services, DatabaseOptions options)
    {
        Folder = folder;
        _services = services;
        Options = options;
    }

    public string Folder { get; }

    public string File => Path.Combine(Folder, "db", "chatcoach.db");

    public DatabaseOptions Options { get; }

    public ISessionStore Store => _services.GetRequiredService<ISessionStore>();

    public IScriptHistory History => _services.GetRequiredService<IScriptHistory>();

    public static async Task<TempDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatcoach-tests", Guid.NewGuid().ToString("N"));
        var options = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "db", "chatcoach.db")}" };
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddCoachStorage(options).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new TempDatabase(folder, services, options);
    }

    /// <summary>Every byte SQLite has on disk for this database: the file, its WAL and shared memory.</summary>
    public byte[] AllBytes()
    {
        SqliteConnection.ClearAllPools();
        return new[] { File, File + "-wal", File + "-shm" }
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
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test for it would not be.
        }
    }
}
