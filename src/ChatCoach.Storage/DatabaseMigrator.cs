using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatCoach.Storage;

/// <summary>Prepares the database at start: creates its folder, applies migrations, switches SQLite to WAL.</summary>
public sealed class DatabaseMigrator(DatabaseOptions options)
{
    /// <summary>Brings the database to the current schema; safe to run on every start.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        if (file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var builder = new DbContextOptionsBuilder<CoachDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, options);
        await using var db = new CoachDbContext(builder.Options);
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers and the writer work at once and makes each commit one append; it is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }
}
