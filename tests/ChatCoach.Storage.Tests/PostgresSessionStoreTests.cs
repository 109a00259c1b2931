using ChatCoach.Tests.Databases;
using ChatCoach.Tests.Shared;
using Npgsql;

namespace ChatCoach.Storage.Tests;

/// <summary>The store's contract on PostgreSQL, and what only PostgreSQL has (migration lock, elected jobs, vacuum).</summary>
[Collection(UsesPostgres.Name)]
public sealed class PostgresSessionStoreTests(PostgresServer server) : SessionStoreTests
{
    private protected override Task<TempDatabase> CreateDatabaseAsync() => TempDatabase.CreateAsync(server);

    protected override async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Db.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override async Task<IReadOnlyList<(string Table, string Column)>> ColumnsAsync()
    {
        await using var connection = new NpgsqlConnection(Db.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'", connection);
        await using var rows = await command.ExecuteReaderAsync();
        var columns = new List<(string, string)>();
        while (await rows.ReadAsync())
        {
            columns.Add((rows.GetString(0), rows.GetString(1)));
        }

        return columns;
    }

    /// <summary>
    /// The rows are gone and the tables they were in were vacuumed at once, so no dead row version of the user stays
    /// readable to the server (what the write-ahead log keeps until it is recycled is said in the README).
    /// </summary>
    protected override async Task AssertErasedAsync(params string[] secrets)
    {
        foreach (var table in Schema.UserTables)
        {
            Assert.Equal(0, await CountAsync($"SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = '{table}'"));
            Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname = '{table}' AND last_vacuum IS NOT NULL"));
        }
    }

    [SkippableFact]
    public async Task Replicas_starting_together_migrate_one_after_the_other_and_both_start()
    {
        var fresh = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = await server.CreateDatabaseAsync() };
        Assert.Equal("1 migration(s) not applied", await new DatabaseMigrator(fresh).ProblemAsync(default));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => new DatabaseMigrator(fresh).MigrateAsync(default)));

        Assert.Null(await new DatabaseMigrator(fresh).ProblemAsync(default));
        await using var connection = new NpgsqlConnection(fresh.ConnectionString);
        await connection.OpenAsync();
        await using var applied = new NpgsqlCommand("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """, connection);
        Assert.Equal(1L, await applied.ExecuteScalarAsync());
    }

    [SkippableFact]
    public async Task An_unreachable_server_is_reported_not_thrown()
    {
        var nowhere = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=127.0.0.1;Port=1;Timeout=2" };

        Assert.StartsWith("database unreachable", await new DatabaseMigrator(nowhere).ProblemAsync(default));
    }

    [SkippableFact]
    public async Task One_replica_leads_a_job_until_it_dies_then_another_takes_it()
    {
        var other = Db.Replica("replica-b");
        Assert.True(await other.Election.LeadsAsync(HandledEventPruner.Job, default));
        Assert.False(await Db.Election.LeadsAsync(HandledEventPruner.Job, default));
        Assert.True(await Db.Election.LeadsAsync("another job", default));

        await other.DisposeAsync(); // its connections close, as a killed process's do

        Assert.True(await Db.Election.LeadsAsync(HandledEventPruner.Job, default));
    }
}
