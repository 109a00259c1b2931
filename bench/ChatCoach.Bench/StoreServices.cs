using ChatCoach.Core.Conversations;
using ChatCoach.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCoach.Bench;

/// <summary>
/// The store a run uses: the production one on a fresh, migrated SQLite file or on a migrated PostgreSQL database, or
/// the in-memory one.
/// </summary>
internal static class StoreServices
{
    public static async Task<ServiceProvider> CreateAsync(BenchOptions bench, string? database)
    {
        var services = new ServiceCollection();
        if (bench.Store == "memory")
        {
            services.AddSingleton<ISessionStore, InMemorySessionStore>();
            return services.BuildServiceProvider();
        }

        DatabaseOptions options;
        if (bench.Store == "postgres")
        {
            options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = bench.Connection! };
        }
        else
        {
            Delete(database!);
            options = new DatabaseOptions
            {
                ConnectionString = $"Data Source={database}",
                Synchronous = Enum.Parse<SqliteSynchronous>(bench.Synchronous, ignoreCase: true),
            };
        }

        var provider = services.AddSingleton(TimeProvider.System).AddCoachStorage(options).BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return provider;
    }

    /// <summary>Deletes a SQLite file with its write-ahead log and shared memory.</summary>
    public static void Delete(string database)
    {
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>The database's size on disk once its write-ahead log is checkpointed into it.</summary>
    public static long CheckpointedSize(string database)
    {
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        return new[] { database, database + "-wal" }.Where(File.Exists).Sum(file => new FileInfo(file).Length);
    }
}
