using ChatCoach.Storage;
using Microsoft.Extensions.Hosting;

namespace ChatCoach.Hosting;

/// <summary>Migrates the database before any channel starts (hosted services start in registration order).</summary>
internal sealed class DatabaseStartup(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
