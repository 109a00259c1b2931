using ChatCoach.Configuration;
using ChatCoach.Core.Telemetry;
using NSec.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ChatCoach.Http;

/// <summary>The web host's part: Kestrel listeners, health checks, the Prometheus endpoint.</summary>
internal static class HttpEndpoints
{
    private const string Ready = "ready";

    /// <summary>Kestrel, health, metrics; and <c>/interactions</c> when the bot runs on Discord with its public key.</summary>
    public static void AddHttp(this WebApplicationBuilder builder, HttpOptions options, PublicKey? interactionsKey)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            Listeners.Configure(kestrel, options);
        });
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<GatewayHealthCheck>("gateway", tags: [Ready]);
        if (interactionsKey is { } key)
        {
            // Discord's timestamps are wall-clock time: the coaching calendar (ChatCoach:Clock:Today) must not shift the check.
            builder.Services.AddSingleton(new InteractionSignature(key, TimeProvider.System));
            builder.Services.AddSingleton<InteractionsEndpoint>();
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("chatcoach", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
            .AddMeter(CoachMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
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
            management.UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteReasonsAsync });
            management.UseOpenTelemetryPrometheusScrapingEndpoint();
        });
        if (app.Services.GetService<InteractionsEndpoint>() is { } interactions)
        {
            app.MapWhen(context => context.Request.Path == "/interactions" && Listeners.Accepts(context, Listeners.Serves.Public),
                branch => branch.Run(interactions.HandleAsync));
        }
    }

    /// <summary>The status, then each failing check and why, so an operator sees what keeps the replica out of rotation.</summary>
    private static Task WriteReasonsAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"\n{e.Key}: {e.Value.Description ?? e.Value.Exception?.GetType().Name}");
        return context.Response.WriteAsync(report.Status + string.Concat(failing), context.RequestAborted);
    }
}
