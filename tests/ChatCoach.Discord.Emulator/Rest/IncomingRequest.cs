using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ChatCoach.Discord.Emulator.Rest;

/// <summary>
/// What the pipeline, the handlers and the recording need from an HTTP request, copied while Kestrel
/// still owns it. Kestrel recycles the HttpContext (headers, query, form, body) when the request ends,
/// so nothing that outlives the request may point into it; this holds strings and fresh collections only.
/// </summary>
internal sealed record IncomingRequest
{
    public required string Method { get; init; }

    /// <summary>Path as sent, without the query.</summary>
    public required string Path { get; init; }

    /// <summary>Query string including the leading <c>?</c>, or empty.</summary>
    public required string QueryString { get; init; }

    public required IReadOnlyDictionary<string, StringValues> Query { get; init; }

    /// <summary>Host and port the client used.</summary>
    public required string Host { get; init; }

    public required string Authorization { get; init; }

    public required string UserAgent { get; init; }

    /// <summary>Every header, the Authorization value replaced by <c>[redacted]</c>.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public static IncomingRequest Capture(HttpRequest request)
    {
        var queryString = request.QueryString.Value ?? string.Empty;
        return new IncomingRequest
        {
            Method = request.Method.ToUpperInvariant(),
            Path = request.Path.Value ?? "/",
            QueryString = queryString,
            Query = QueryHelpers.ParseQuery(queryString),
            Host = request.Host.Value ?? string.Empty,
            Authorization = request.Headers.Authorization.ToString(),
            UserAgent = request.Headers.UserAgent.ToString(),
            Headers = request.Headers.ToDictionary(
                h => h.Key,
                h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? "[redacted]" : h.Value.ToString(),
                StringComparer.OrdinalIgnoreCase),
        };
    }
}
