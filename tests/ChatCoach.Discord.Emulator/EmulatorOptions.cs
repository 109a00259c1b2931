namespace ChatCoach.Discord.Emulator;

/// <summary>
/// Configuration of a <see cref="DiscordEmulator"/>. Defaults are Discord's documented values, so a test
/// that changes nothing gets Discord's behaviour; tests shorten intervals where real time would make them slow.
/// </summary>
public sealed record EmulatorOptions
{
    /// <summary>Bot token the client must present (REST <c>Authorization: Bot &lt;token&gt;</c>, gateway Identify and Resume).</summary>
    public string Token { get; init; } = "emulator-bot-token";

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Application id (READY <c>application.id</c>, command routes, interaction webhooks).</summary>
    public string ApplicationId { get; init; } = "234248956100616262";

    /// <summary>Application flags sent in READY.</summary>
    public long ApplicationFlags { get; init; } = 8388608;

    /// <summary>The bot user's id.</summary>
    public string BotUserId { get; init; } = "1090372582781497424";

    /// <summary>The bot user's username.</summary>
    public string BotUsername { get; init; } = "chatcoach";

    /// <summary>The <c>heartbeat_interval</c> sent in Hello (Discord: about 41 s).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(41250);

    /// <summary>
    /// How long the gateway waits for a heartbeat before closing the connection (close 1000, session
    /// stays resumable); null means 1.5 × the interval plus 5 s, generous enough for a busy test machine.
    /// </summary>
    public TimeSpan? HeartbeatTimeout { get; init; }

    /// <summary>
    /// The bot's interactions endpoints (the Interactions Endpoint URL, or its replicas behind a load balancer). When
    /// set, interactions are POSTed there, signed with the emulator's key, in turn, instead of sent over the gateway.
    /// </summary>
    public IReadOnlyList<Uri> InteractionsEndpoints { get; init; } = [];

    /// <summary>Deliver each interaction to every endpoint at once, as a load balancer retrying on another replica may.</summary>
    public bool DuplicateInteractionDeliveries { get; init; }

    /// <summary>Time allowed between dispatching an interaction and its initial callback; later callbacks get 10062.</summary>
    public TimeSpan InteractionResponseDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an interaction token stays valid for follow-ups and edits.</summary>
    public TimeSpan InteractionTokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether one shard may be held by one connection at a time, as replicas sharing shards by leases promise: a
    /// second connection holding a shard that another open connection holds is a violation.
    /// </summary>
    public bool ExclusiveShards { get; init; }

    /// <summary>How long a session without a connection can still be resumed.</summary>
    public TimeSpan SessionResumeWindow { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Minimum time between two Identify payloads (<c>max_concurrency</c> 1 per 5 s); a faster one gets op 9.</summary>
    public TimeSpan IdentifyConcurrencyWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>session_start_limit.total</c> reported by <c>GET /gateway/bot</c>.</summary>
    public int SessionStartLimit { get; init; } = 1000;

    /// <summary><c>shards</c> reported by <c>GET /gateway/bot</c>.</summary>
    public int RecommendedShards { get; init; } = 1;

    /// <summary>Payloads a client may send per <see cref="GatewaySendWindow"/> before close 4008.</summary>
    public int GatewaySendLimit { get; init; } = 120;

    /// <summary>Window of <see cref="GatewaySendLimit"/>.</summary>
    public TimeSpan GatewaySendWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest payload a client may send before close 4002.</summary>
    public int MaxGatewayPayloadBytes { get; init; } = 4096;

    /// <summary>Privileged intents (GUILD_MEMBERS 2, GUILD_PRESENCES 256, MESSAGE_CONTENT 32768) enabled for the app; others close with 4014.</summary>
    public long AllowedPrivilegedIntents { get; init; }

    /// <summary>Global REST limit per second (interaction callbacks and interaction webhooks are exempt).</summary>
    public int GlobalRateLimitPerSecond { get; init; } = 50;

    /// <summary>Per-route buckets; routes not listed get <see cref="DefaultRouteRateLimit"/>.</summary>
    public IReadOnlyList<RouteRateLimit> RouteRateLimits { get; init; } = RouteRateLimit.Defaults;

    /// <summary>Bucket used for routes that <see cref="RouteRateLimits"/> does not list.</summary>
    public RateLimitWindow DefaultRouteRateLimit { get; init; } = new(10, TimeSpan.FromSeconds(1));

    /// <summary>Guilds the bot is in: listed as unavailable in READY, then sent as GUILD_CREATE (with the GUILDS intent).</summary>
    public IReadOnlyList<string> GuildIds { get; init; } = [];

    /// <summary>When true, slash commands can only be invoked if the bot registered them in that scope.</summary>
    public bool RequireRegisteredCommands { get; init; } = true;

    /// <summary>Serves the <c>/_emulator/…</c> control endpoints (used by out-of-process checks such as the discord.js one).</summary>
    public bool EnableControlEndpoints { get; init; }

    /// <summary>Clock for rate limits, deadlines, timestamps and snowflakes.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
