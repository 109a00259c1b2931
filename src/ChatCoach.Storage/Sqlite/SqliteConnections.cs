using Microsoft.Data.Sqlite;

namespace ChatCoach.Storage.Sqlite;

/// <summary>Opens the store's long-lived connections, with the same per-connection settings EF Core's get.</summary>
internal static class SqliteConnections
{
    /// <summary>An open connection with <see cref="SqlitePragmas"/> applied. The store keeps it open and closes it itself.</summary>
    public static SqliteConnection Open(DatabaseOptions options)
    {
        // The store holds its connections for its lifetime, so ADO.NET's pool would only keep closed ones alive.
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqlitePragmas.For(options.Synchronous);
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A prepared command on <paramref name="connection"/> with one parameter per name, to be bound and run many times.</summary>
    public static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }
}
