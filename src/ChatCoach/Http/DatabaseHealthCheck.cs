using ChatCoach.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatCoach.Http;

/// <summary>Ready only while the database opens and has every migration of this build.</summary>
internal sealed class DatabaseHealthCheck(DatabaseMigrator storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await storage.ProblemAsync(cancellationToken) is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy();
}
