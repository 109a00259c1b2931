using System.Text;
using ChatCoach.Storage.Sqlite;
using ChatCoach.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ChatCoach.Storage.Tests;

/// <summary>The store's contract on a SQLite file, and what only SQLite has (WAL, synchronous, bytes on disk).</summary>
public sealed class SqliteSessionStoreTests : SessionStoreTests
{
    private protected override Task<TempDatabase> CreateDatabaseAsync() => TempDatabase.CreateAsync();

    protected override async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(Db.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override async Task<IReadOnlyList<(string Table, string Column)>> ColumnsAsync()
    {
        await using var connection = new SqliteConnection(Db.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name <> 'sqlite_sequence'";
        await using var rows = await command.ExecuteReaderAsync();
        var columns = new List<(string, string)>();
        while (await rows.ReadAsync())
        {
            columns.Add((rows.GetString(0), rows.GetString(1)));
        }

        return columns;
    }

    /// <summary>secure_delete and the checkpoint leave no byte of the user in the file, its WAL or its shared memory.</summary>
    protected override Task AssertErasedAsync(params string[] secrets)
    {
        var bytes = Encoding.UTF8.GetString(Db.AllBytes());
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, bytes));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_in_the_folder_it_created()
    {
        Assert.True(File.Exists(Db.File));
        await using var connection = new SqliteConnection(Db.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData(SqliteSynchronous.Normal, 1)]
    [InlineData(SqliteSynchronous.Full, 2)]
    public void The_store_connections_use_the_configured_synchronous_setting(SqliteSynchronous synchronous, long pragmaValue)
    {
        using var connection = SqliteConnections.Open(new DatabaseOptions { ConnectionString = Db.Options.ConnectionString, Synchronous = synchronous });
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        Assert.Equal(pragmaValue, (long)command.ExecuteScalar()!);
    }
}
