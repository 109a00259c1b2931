using ChatCoach.Configuration;
using ChatCoach.Core.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ChatCoach.Http;

/// <summary>The web host's part: Kestrel listeners, health checks, the Prometheus endpoint.</summary>
internal static class HttpEndpoints
{
    private const string Ready = "ready";

    public static void AddHttp(this WebApplicationBuilder builder, HttpOptions options)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            Listeners.Configure(kestrel, options);
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("chatcoach", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
            .AddMeter(CoachMetrics.MeterName)
            .AddRuntimeInstrumentation()
            // Every scrape sees the counters as they are now (the exporter caches 300 ms by default).
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
    }

    public static void MapHttp(this WebApplication app)
    {
        app.UseWhen(context => Listeners.Accepts(context, Listeners.Serves.Management), management =>
        {
            // Alive: the process answers. Ready: every check tagged ready passes (503 otherwise, for the orchestrator).
            management.UseHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
            management.UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
            management.UseOpenTelemetryPrometheusScrapingEndpoint();
        });
    }
}
