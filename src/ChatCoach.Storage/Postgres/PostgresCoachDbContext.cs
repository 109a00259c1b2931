using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatCoach.Storage.Postgres;

/// <summary>The schema on PostgreSQL, with its own migrations (<c>Postgres/Migrations</c>).</summary>
internal sealed class PostgresCoachDbContext(DbContextOptions<PostgresCoachDbContext> options) : CoachDbContext(options)
{
    public static PostgresCoachDbContext Create(DatabaseOptions options) =>
        new(new DbContextOptionsBuilder<PostgresCoachDbContext>().UseNpgsql(options.ConnectionString).Options);
}

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --context PostgresCoachDbContext --output-dir Postgres/Migrations</c> build the
/// context without the host or a server.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCoachDbContext>
{
    public PostgresCoachDbContext CreateDbContext(string[] args) =>
        PostgresCoachDbContext.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=design" });
}
