using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Rest;

/// <summary>The REST client's log lines, source-generated.</summary>
internal static partial class RestLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limit on {Route} ({Scope}); retrying in {RetryAfter}")]
    public static partial void RateLimited(this ILogger logger, string route, string scope, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord answered {Status} on {Route}; retry {Attempt} in {Delay}")]
    public static partial void ServerError(this ILogger logger, int status, string route, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void Failed(this ILogger logger, string message);
}
