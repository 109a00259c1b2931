using ChatCoach.Configuration;
using ChatCoach.Core.Telemetry;
using NSec.Cryptography;
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

    /// <summary>Kestrel, health, metrics; and <c>/interactions</c> when the bot runs on Discord with its public key.</summary>
    public static void AddHttp(this WebApplicationBuilder builder, HttpOptions options, PublicKey? interactionsKey)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            Listeners.Configure(kestrel, options);
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        if (interactionsKey is { } key)
        {
            builder.Services.AddSingleton(services => new InteractionSignature(key, services.GetRequiredService<TimeProvider>()));
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
            management.UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
            management.UseOpenTelemetryPrometheusScrapingEndpoint();
        });
        if (app.Services.GetService<InteractionsEndpoint>() is { } interactions)
        {
            app.MapWhen(context => context.Request.Path == "/interactions" && Listeners.Accepts(context, Listeners.Serves.Public),
                branch => branch.Run(interactions.HandleAsync));
        }
    }
}
