using System.Diagnostics.Metrics;
using System.Net;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Outbox;
using ChatCoach.Core.Scripts;
using ChatCoach.Discord.Gateway;
using ChatCoach.Discord.Outbox;
using ChatCoach.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Coaching;

/// <summary>Registers the Discord channel: REST client, gateway, handlers, outbox sender and sweeper.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>The name of the REST client's <see cref="HttpClient"/>.</summary>
    public const string RestClientName = "ChatCoach.Discord.Rest";

    /// <summary>
    /// Adds ChatCoach on Discord: the REST client over an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>, the attachment downloader as a
    /// named one (10 s, no redirects), the gateway pump and the outbox sweeper as hosted services, and the
    /// transport-neutral <see cref="InteractionHandler"/>. Needs the conversation service, the scripts, the store's
    /// <see cref="IReplyOutbox"/>, <see cref="IScriptHistory"/>, <see cref="IBotState"/> and a <see cref="TimeProvider"/>; with
    /// a <see cref="ShardLeaser"/> registered, the gateway connects the shard whose lease this replica holds.
    /// </summary>
    public static IServiceCollection AddCoachDiscord(this IServiceCollection services, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = options.ToClientOptions();
        services.AddSingleton(options);
        // The REST client is one singleton over a client from IHttpClientFactory, not a transient typed client: its
        // rate-limit buckets and invalid-request count must be shared by every send of the process.
        services.AddHttpClient(RestClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddHttpClient(AttachmentFetcher.ClientName, http => http.Timeout = AttachmentFetcher.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None });
        services.AddSingleton<GatewayStatus>();
        services.AddSingleton(provider => new DiscordMetrics(provider.GetRequiredService<IMeterFactory>(), provider.GetRequiredService<GatewayStatus>()));
        services.AddSingleton(provider => new DiscordRestClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(RestClientName), client,
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<DiscordRestClient>>(), provider.GetRequiredService<DiscordMetrics>()));
        services.AddSingleton(provider => new DiscordGatewayClient(client, provider.GetRequiredService<DiscordRestClient>(),
            provider.GetRequiredService<TimeProvider>(), random: null, provider.GetRequiredService<ILogger<DiscordGatewayClient>>(),
            provider.GetService<ShardLeaser>(), provider.GetRequiredService<DiscordMetrics>(), provider.GetRequiredService<GatewayStatus>()));
        services.AddSingleton<OpenQuestions>();
        services.AddSingleton<ReplySender>();
        services.AddSingleton<AttachmentFetcher>();
        services.AddSingleton<DialogsCommands>();
        services.AddSingleton<MessageHandler>();
        services.AddSingleton<CommandHandler>();
        services.AddSingleton<ComponentHandler>();
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<GatewayPump>();
        services.AddHostedService(provider => provider.GetRequiredService<GatewayPump>());
        services.AddHostedService<OutboxSweeper>();
        return services;
    }
}
