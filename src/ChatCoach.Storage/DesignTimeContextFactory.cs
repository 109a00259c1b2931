using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatCoach.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<CoachDbContext>
{
    public CoachDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CoachDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new DatabaseOptions { ConnectionString = "Data Source=design.db" });
        return new CoachDbContext(builder.Options);
    }
}
