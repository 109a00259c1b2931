using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCoach.Storage;

/// <summary>
/// Per-connection SQLite settings: erased rows are overwritten rather than left in free pages (users can ask to be
/// forgotten), and in WAL mode NORMAL sync survives a process crash at a fraction of FULL's cost.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA secure_delete = ON; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
