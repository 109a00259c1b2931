using ChatCoach.Storage.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using Npgsql;

namespace ChatCoach.Storage;

/// <summary>
/// Prepares the database at start with the provider's migration set. On SQLite it creates the file's folder and
/// switches to WAL; on PostgreSQL it migrates under an advisory lock, so replicas starting together migrate one after
/// the other (the second finds nothing left to do).
/// </summary>
public sealed class DatabaseMigrator(DatabaseOptions options)
{
    /// <summary>The advisory lock migrations run under on PostgreSQL.</summary>
    internal const string LockName = "migrations";

    /// <summary>Brings the database to the current schema; safe to run on every start, by several replicas at once.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var contexts = new CoachContexts(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await AdvisoryLock.TakeAsync(connection, LockName, cancellationToken);
            await using (var db = contexts.Create())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            await AdvisoryLock.ReleaseAsync(connection, LockName, cancellationToken);
            return;
        }

        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        if (file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var sqlite = contexts.Create();
        await sqlite.Database.MigrateAsync(cancellationToken);
        // WAL lets readers and the writer work at once and makes each commit one append; it is stored in the file.
        await sqlite.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }

    /// <summary>
    /// Why the database cannot serve now (unreachable, or migrations not applied), or null when it can: for a readiness
    /// probe. Never throws for a database that is down.
    /// </summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = new CoachContexts(ForCheck(options)).Create();
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return "database unreachable";
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0 ? null : $"{pending} migration(s) not applied";
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            return $"database unreachable ({e.GetType().Name})";
        }
    }

    /// <summary>
    /// On SQLite the check opens the file read-write without creating it: a probe must never leave an empty database
    /// where the real one went missing, and a fresh connection notices a file gone from under the open ones.
    /// </summary>
    private static DatabaseOptions ForCheck(DatabaseOptions options) => options.Provider == DatabaseProvider.Sqlite
        ? new DatabaseOptions
        {
            Provider = options.Provider,
            Synchronous = options.Synchronous,
            ConnectionString = new SqliteConnectionStringBuilder(options.ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString(),
        }
        : options;
}
