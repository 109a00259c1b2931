using System.Globalization;
using System.Net.Http.Headers;

namespace ChatCoach.Discord.Rest;

// The X-RateLimit-* headers of one response (PROTOCOL.md §7.1).
internal sealed record RateLimitHeaders(int? Limit, int? Remaining, TimeSpan? ResetAfter, string? Bucket, bool Global, string? Scope, TimeSpan? RetryAfter)
{
    public static RateLimitHeaders Parse(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new RateLimitHeaders(
            ParseInt(Get(headers, "X-RateLimit-Limit")),
            ParseInt(Get(headers, "X-RateLimit-Remaining")),
            ParseSeconds(Get(headers, "X-RateLimit-Reset-After")),
            Get(headers, "X-RateLimit-Bucket"),
            string.Equals(Get(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            Get(headers, "X-RateLimit-Scope"),
            headers.RetryAfter?.Delta ?? ParseSeconds(Get(headers, "Retry-After")));
    }

    public static TimeSpan? ParseSeconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string? Get(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
