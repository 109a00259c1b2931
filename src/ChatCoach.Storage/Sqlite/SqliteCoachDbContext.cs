using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatCoach.Storage.Sqlite;

/// <summary>The schema on SQLite, with its own migrations (<c>Sqlite/Migrations</c>).</summary>
internal sealed class SqliteCoachDbContext(DbContextOptions<SqliteCoachDbContext> options) : CoachDbContext(options)
{
    public static SqliteCoachDbContext Create(DatabaseOptions options) =>
        new(new DbContextOptionsBuilder<SqliteCoachDbContext>()
            .UseSqlite(options.ConnectionString)
            .AddInterceptors(new SqlitePragmas(options.Synchronous))
            .Options);
}

/// <summary>Lets <c>dotnet ef migrations add NAME --context SqliteCoachDbContext</c> build the context without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCoachDbContext>
{
    public SqliteCoachDbContext CreateDbContext(string[] args) =>
        SqliteCoachDbContext.Create(new DatabaseOptions { ConnectionString = "Data Source=design.db" });
}
