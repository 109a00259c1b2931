using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatCoach.Storage;

/// <summary>
/// Whether the database can serve turns now: it opens (on a new connection, so a file gone from under the open
/// ones is noticed) and every migration of this build is applied. For <c>/readyz</c>.
/// </summary>
public sealed class StorageReadiness(DatabaseOptions options)
{
    /// <summary>Null when ready, else why not (no personal data, no connection string secrets).</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        // ReadWrite, not ReadWriteCreate: a check must never create an empty database where the real one is missing.
        var connectionString = new SqliteConnectionStringBuilder(options.ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        var builder = new DbContextOptionsBuilder<CoachDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new DatabaseOptions { ConnectionString = connectionString, Synchronous = options.Synchronous });
        try
        {
            await using var db = new CoachDbContext(builder.Options);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0 ? null : $"{pending.Count} migration(s) not applied, first {pending[0]}";
        }
        catch (SqliteException e)
        {
            return $"the database cannot be opened (SQLite error {e.SqliteErrorCode})";
        }
    }
}
