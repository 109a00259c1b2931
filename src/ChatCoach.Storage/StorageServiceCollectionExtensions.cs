using ChatCoach.Core.Conversations;
using ChatCoach.Core.Outbox;
using ChatCoach.Core.Scripts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCoach.Storage;

/// <summary>Registers the database and the session store.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds the session store on the configured database, and <see cref="DatabaseMigrator"/> to prepare it.</summary>
    public static IServiceCollection AddCoachStorage(this IServiceCollection services, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddDbContextFactory<CoachDbContext>(db => Configure(db, options));
        // Disposed with the container, which closes the store's connections.
        services.AddSingleton(_ => new SqliteSessionStore(options));
        services.AddSingleton<ISessionStore>(services => services.GetRequiredService<SqliteSessionStore>());
        services.AddSingleton<IReplyOutbox>(services => services.GetRequiredService<SqliteSessionStore>());
        services.AddSingleton<IScriptHistory, EfScriptHistory>();
        services.AddSingleton<IBotState, EfBotState>();
        services.AddSingleton(new DatabaseMigrator(options));
        services.AddSingleton(new HandledEventPruner(options));
        return services;
    }

    internal static void Configure(DbContextOptionsBuilder db, DatabaseOptions options) =>
        db.UseSqlite(options.ConnectionString).AddInterceptors(new SqlitePragmas(options.Synchronous));

    /// <summary>Whether a connection string can be used by SQLite, with the reason when it cannot.</summary>
    public static string? ProblemWith(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return $"unknown provider '{options.Provider}'; supported: Sqlite";
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.DataSource) ? "the connection string names no 'Data Source'" : null;
        }
        catch (ArgumentException e)
        {
            return $"not a valid SQLite connection string ({e.Message})";
        }
    }
}
