using Npgsql;

namespace ChatCoach.Storage.Postgres;

/// <summary>The store's connections to PostgreSQL.</summary>
internal static class PostgresConnections
{
    /// <summary>
    /// A data source on the configured server. Statements run often (a turn's save, the funnel counts, claims) are
    /// prepared on the server automatically after their second use; the loads are prepared explicitly.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(DatabaseOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            MaxAutoPrepare = 32,
            AutoPrepareMinUsages = 2,
        };
        return NpgsqlDataSource.Create(builder);
    }
}
