using ChatCoach.Storage.Postgres;
using ChatCoach.Storage.Sqlite;

namespace ChatCoach.Storage;

/// <summary>Creates the EF Core context of the configured provider, for everything off the per-turn path.</summary>
internal sealed class CoachContexts(DatabaseOptions options)
{
    public DatabaseOptions Options => options;

    public CoachDbContext Create() => options.Provider switch
    {
        DatabaseProvider.Postgres => PostgresCoachDbContext.Create(options),
        _ => SqliteCoachDbContext.Create(options),
    };
}
