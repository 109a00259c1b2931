namespace ChatCoach.Discord.Emulator;

/// <summary>Something the client did that Discord forbids or documents against.</summary>
public enum ViolationKind
{
    /// <summary>A REST request hit an exhausted bucket, the global limit, or an injected 429's wait time.</summary>
    RateLimitExceeded,

    /// <summary>A request body failed the OpenAPI schema or a documented limit (answered 400/50035).</summary>
    InvalidFormBody,

    /// <summary>A request was rejected for another client error (bad JSON, empty message, unknown id, …).</summary>
    RejectedRequest,

    /// <summary>Missing or wrong bot token (REST 401 or gateway 4004).</summary>
    AuthenticationFailed,

    /// <summary>No <c>User-Agent: DiscordBot (url, version)</c> header.</summary>
    MissingUserAgent,

    /// <summary>A REST path without <c>/v10</c>.</summary>
    UnversionedApiPath,

    /// <summary>A route the spec has but the emulator does not serve (answered 404).</summary>
    UnimplementedRoute,

    /// <summary>Initial interaction callback after the deadline (answered 10062).</summary>
    LateInteractionResponse,

    /// <summary>Second initial callback for one interaction (answered 40060).</summary>
    DuplicateInteractionResponse,

    /// <summary>The gateway closed the connection because of what the client sent (4001–4014).</summary>
    GatewayProtocolError,

    /// <summary>No heartbeat within the timeout; the gateway closed the connection.</summary>
    HeartbeatTimeout,

    /// <summary>Resume sent somewhere other than <c>resume_gateway_url</c>.</summary>
    ResumeOutsideResumeUrl,

    /// <summary>Identify sent faster than <c>max_concurrency</c> allows (answered op 9).</summary>
    IdentifyRateLimited,

    /// <summary>Two open connections held one shard at once (checked with <c>EmulatorOptions.ExclusiveShards</c>).</summary>
    ShardHeldTwice,
}

/// <summary>A recorded violation; tests usually assert there are none.</summary>
public sealed record ProtocolViolation(ViolationKind Kind, string Detail, DateTimeOffset Time);
