namespace ChatCoach.Discord.Emulator.RateLimits;

/// <summary>
/// A fault-injection target: an optional method and a path prefix relative to the API base,
/// written like <c>/channels</c>, <c>POST /channels/123/messages</c> or <c>/api/v10/webhooks</c>.
/// </summary>
internal sealed record RoutePrefix(string? Method, string Prefix)
{
    public static RoutePrefix Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var (method, path) = parts.Length == 2 ? (parts[0].ToUpperInvariant(), parts[1]) : (null, parts[0]);
        foreach (var apiPrefix in new[] { "/api/v10", "/api" })
        {
            if (path.StartsWith(apiPrefix + "/", StringComparison.Ordinal))
            {
                path = path[apiPrefix.Length..];
                break;
            }
        }

        return new RoutePrefix(method, path.StartsWith('/') ? path : "/" + path);
    }

    public bool Matches(string method, string relativePath) =>
        (Method is null || Method == method) && relativePath.StartsWith(Prefix, StringComparison.Ordinal);
}
