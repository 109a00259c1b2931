using ChatCoach.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatCoach.Http;

/// <summary>
/// Ready only while the shard this replica serves has its gateway connection up. A replica that serves no shard (it
/// waits for a lease, or it is not on Discord) is ready on this check: it answers HTTP interactions all the same.
/// </summary>
internal sealed class GatewayHealthCheck(GatewayStatus? gateway = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(gateway?.Problem is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy(gateway?.Current.Shard is { } shard ? $"shard {shard} connected" : "serves no shard"));
}
