using ChatCoach.Core.Conversations;
using ChatCoach.Core.Outbox;
using ChatCoach.Core.Scripts;
using ChatCoach.Storage.Postgres;
using ChatCoach.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChatCoach.Storage;

/// <summary>Registers the database and the session store.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the session store on the configured database, <see cref="DatabaseMigrator"/> to prepare it, and the
    /// election of the replica that runs periodic jobs. <paramref name="replica"/> names this process in the audit.
    /// </summary>
    public static IServiceCollection AddCoachStorage(this IServiceCollection services, DatabaseOptions options, Replica? replica = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(new CoachContexts(options));
        services.AddSingleton(replica ?? Replica.Default());
        services.AddSingleton<IScriptHistory, EfScriptHistory>();
        services.AddSingleton<IBotState, EfBotState>();
        services.AddSingleton<ILeases, SqlLeases>();
        services.AddSingleton(new DatabaseMigrator(options));
        services.AddSingleton(new HandledEventPruner(options));
        if (options.Provider == DatabaseProvider.Postgres)
        {
            // Disposed with the container, which closes the store's and the election's connections.
            services.AddSingleton(_ => PostgresConnections.CreateDataSource(options));
            services.AddSingleton(s => new PostgresSessionStore(s.GetRequiredService<NpgsqlDataSource>()));
            services.AddSingleton<ISessionStore>(s => s.GetRequiredService<PostgresSessionStore>());
            services.AddSingleton<IReplyOutbox>(s => s.GetRequiredService<PostgresSessionStore>());
            services.AddSingleton<IJobElection>(s => new AdvisoryLockElection(s.GetRequiredService<NpgsqlDataSource>()));
        }
        else
        {
            services.AddSingleton(_ => new SqliteSessionStore(options));
            services.AddSingleton<ISessionStore>(s => s.GetRequiredService<SqliteSessionStore>());
            services.AddSingleton<IReplyOutbox>(s => s.GetRequiredService<SqliteSessionStore>());
            services.AddSingleton<IJobElection, SoleHost>();
        }

        return services;
    }

    /// <summary>Whether a connection string can be used by the configured provider, with the reason when it cannot.</summary>
    public static string? ProblemWith(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            if (options.Provider == DatabaseProvider.Postgres)
            {
                var postgres = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                return string.IsNullOrWhiteSpace(postgres.Host) ? "the connection string names no 'Host' (Host=...;Database=...;Username=...)" : null;
            }

            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.DataSource) ? "the connection string names no 'Data Source'" : null;
        }
        catch (ArgumentException e)
        {
            return $"not a valid {options.Provider} connection string ({e.Message})";
        }
    }
}
