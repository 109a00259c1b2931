using ChatCoach.Discord.Gateway;

namespace ChatCoach.Discord;

/// <summary>Settings shared by <see cref="DiscordGatewayClient"/> and <see cref="Rest.DiscordRestClient"/>.</summary>
public sealed class DiscordClientOptions
{
    /// <summary>The production REST base URL (API v10).</summary>
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token, without the <c>Bot </c> prefix. Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>REST base URL including the version segment; tests point it at a loopback emulator.</summary>
    public Uri ApiBaseUrl { get; set; } = new(DefaultApiBaseUrl);

    /// <summary>Shard this client identifies as. DMs are only delivered to shard 0.</summary>
    public int ShardId { get; set; }

    /// <summary>Total number of shards the bot runs.</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>Gateway intents; the default is GUILDS | DIRECT_MESSAGES (4097).</summary>
    public GatewayIntents Intents { get; set; } = GatewayIntents.Guilds | GatewayIntents.DirectMessages;

    /// <summary>First delay of the reconnect backoff; doubled per failed attempt.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the reconnect backoff.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Lower bound of the random wait before re-identifying after an invalid session.</summary>
    public TimeSpan InvalidSessionMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the random wait before re-identifying after an invalid session.</summary>
    public TimeSpan InvalidSessionMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Minimum time between two Identify payloads (Discord allows max_concurrency, normally 1, per 5 s).</summary>
    public TimeSpan IdentifySpacing { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for the WebSocket handshake and for Hello.</summary>
    public TimeSpan GatewayConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per REST request when Discord answers 5xx (first try included).</summary>
    public int RestMaxAttempts { get; set; } = 3;

    /// <summary>First delay between 5xx retries; doubled per retry.</summary>
    public TimeSpan RestRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many 429 answers one request may wait out before giving up.</summary>
    public int RateLimitMaxRetries { get; set; } = 5;

    /// <summary>Invalid requests (401, 403, 429) in a sliding 10 minutes at which a warning is logged.</summary>
    public int InvalidRequestWarn { get; set; } = 5000;

    /// <summary>Invalid requests in a sliding 10 minutes at which every send but interaction responses pauses.</summary>
    public int InvalidRequestPause { get; set; } = 8000;

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Token))
        {
            problems.Add("Token is required.");
        }
        else if (Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Token must not include the 'Bot ' prefix.");
        }

        if (ApiBaseUrl is null || !ApiBaseUrl.IsAbsoluteUri || (ApiBaseUrl.Scheme != Uri.UriSchemeHttps && ApiBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add("ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (ShardCount < 1)
        {
            problems.Add("ShardCount must be at least 1.");
        }

        if (ShardId < 0 || ShardId >= ShardCount)
        {
            problems.Add("ShardId must be in [0, ShardCount).");
        }

        if (Intents == GatewayIntents.None)
        {
            problems.Add("Intents must not be empty.");
        }

        if (ReconnectMinDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectMinDelay)
        {
            problems.Add("ReconnectMinDelay must be positive and not above ReconnectMaxDelay.");
        }

        if (InvalidSessionMinDelay < TimeSpan.Zero || InvalidSessionMaxDelay < InvalidSessionMinDelay)
        {
            problems.Add("InvalidSessionMinDelay must be non-negative and not above InvalidSessionMaxDelay.");
        }

        if (IdentifySpacing < TimeSpan.Zero)
        {
            problems.Add("IdentifySpacing must not be negative.");
        }

        if (GatewayConnectTimeout <= TimeSpan.Zero)
        {
            problems.Add("GatewayConnectTimeout must be positive.");
        }

        if (RestMaxAttempts < 1)
        {
            problems.Add("RestMaxAttempts must be at least 1.");
        }

        if (RestRetryBaseDelay < TimeSpan.Zero)
        {
            problems.Add("RestRetryBaseDelay must not be negative.");
        }

        if (RateLimitMaxRetries < 0)
        {
            problems.Add("RateLimitMaxRetries must not be negative.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Discord options: " + string.Join(" ", problems));
        }
    }
}
