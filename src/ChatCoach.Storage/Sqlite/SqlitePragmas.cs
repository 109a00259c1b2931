using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCoach.Storage.Sqlite;

/// <summary>
/// Per-connection SQLite settings: erased rows are overwritten rather than left in free pages (users can ask to be
/// forgotten), and in WAL mode NORMAL sync survives a process crash at a fraction of FULL's cost
/// (<see cref="DatabaseOptions.Synchronous"/>).
/// </summary>
internal sealed class SqlitePragmas(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas = For(synchronous);

    /// <summary>The statements every connection runs when it opens.</summary>
    public static string For(SqliteSynchronous synchronous) =>
        $"PRAGMA secure_delete = ON; PRAGMA synchronous = {(synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
