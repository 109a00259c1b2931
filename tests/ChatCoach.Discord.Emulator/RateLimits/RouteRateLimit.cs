namespace ChatCoach.Discord.Emulator;

/// <summary>A request budget: <paramref name="Limit"/> requests per <paramref name="Window"/>.</summary>
public sealed record RateLimitWindow(int Limit, TimeSpan Window);

/// <summary>
/// A rate-limit bucket for one route. <paramref name="Route"/> is the OpenAPI path template
/// (e.g. <c>/channels/{channel_id}/messages</c>); the bucket is kept per value of the route's major
/// parameters (channel, guild, webhook and interaction ids/tokens). Routes with the same
/// <paramref name="Bucket"/> hash share one budget, as Discord's shared buckets do.
/// </summary>
public sealed record RouteRateLimit(string Method, string Route, int Limit, TimeSpan Window, string? Bucket = null)
{
    /// <summary>Small limits that a well-behaved client must respect (Discord's real ones are similar in shape, larger in window).</summary>
    public static IReadOnlyList<RouteRateLimit> Defaults { get; } = Array.AsReadOnly(
    [
        new RouteRateLimit("POST", "/channels/{channel_id}/messages", 5, TimeSpan.FromSeconds(1)),
        new RouteRateLimit("PATCH", "/channels/{channel_id}/messages/{message_id}", 5, TimeSpan.FromSeconds(1)),
        new RouteRateLimit("DELETE", "/channels/{channel_id}/messages/{message_id}", 5, TimeSpan.FromSeconds(1)),
        new RouteRateLimit("POST", "/users/@me/channels", 5, TimeSpan.FromSeconds(1)),
        new RouteRateLimit("POST", "/webhooks/{webhook_id}/{webhook_token}", 5, TimeSpan.FromSeconds(1)),
        new RouteRateLimit("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", 5, TimeSpan.FromSeconds(1)),
        new RouteRateLimit("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", 5, TimeSpan.FromSeconds(1)),
        new RouteRateLimit("PUT", "/applications/{application_id}/commands", 2, TimeSpan.FromSeconds(1)),
        new RouteRateLimit("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", 2, TimeSpan.FromSeconds(1)),
    ]);
}
