using System.Globalization;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.RateLimits;

namespace ChatCoach.Discord.Emulator.Rest;

/// <summary>Writes Discord's rate-limit headers and 429 bodies (PROTOCOL.md §7.1–7.2).</summary>
internal static class RateLimitHeaders
{
    public static void WriteBucket(HttpResponse response, BucketState bucket, DateTimeOffset now)
    {
        response.Headers["X-RateLimit-Limit"] = bucket.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = bucket.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = Seconds(bucket.ResetAt - DateTimeOffset.UnixEpoch);
        response.Headers["X-RateLimit-Reset-After"] = Seconds(bucket.ResetAt - now);
        response.Headers["X-RateLimit-Bucket"] = bucket.Hash;
    }

    /// <summary>Headers and body of a 429; durations are rounded up so a client that waits them never arrives early.</summary>
    public static JsonObject WriteTooManyRequests(HttpResponse response, RateLimitDecision decision, DateTimeOffset now)
    {
        var retryAfter = CeilingMilliseconds(decision.RetryAfter);
        if (decision.Bucket is { } bucket)
        {
            WriteBucket(response, bucket, now);
        }

        response.Headers["Retry-After"] = Math.Max(1, (long)Math.Ceiling(retryAfter)).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Scope"] = decision.Global ? "global" : "user";
        if (decision.Global)
        {
            response.Headers["X-RateLimit-Global"] = "true";
        }

        return new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = retryAfter,
            ["global"] = decision.Global,
        };
    }

    private static double CeilingMilliseconds(TimeSpan span) => Math.Ceiling(Math.Max(0, span.TotalMilliseconds)) / 1000.0;

    private static string Seconds(TimeSpan span) => CeilingMilliseconds(span).ToString("0.000", CultureInfo.InvariantCulture);
}
