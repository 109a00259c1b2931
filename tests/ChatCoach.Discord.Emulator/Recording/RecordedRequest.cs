using System.Text.Json;

namespace ChatCoach.Discord.Emulator;

/// <summary>How a 429 came about.</summary>
public enum RateLimitOutcome
{
    /// <summary>The request was not rate limited.</summary>
    None,

    /// <summary>The client sent it while a bucket (or the global limit) was exhausted.</summary>
    Violation,

    /// <summary>The 429 was injected with <see cref="DiscordEmulator.RateLimitNext"/>.</summary>
    Injected,
}

/// <summary>One HTTP request the client made, with the emulator's answer.</summary>
public sealed record RecordedRequest
{
    /// <summary>Order of completion, starting at 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the request arrived (emulator clock).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>HTTP method, upper case.</summary>
    public required string Method { get; init; }

    /// <summary>Path as sent, e.g. <c>/api/v10/channels/1/messages</c> (no query).</summary>
    public required string Path { get; init; }

    /// <summary>OpenAPI route template it matched, e.g. <c>/channels/{channel_id}/messages</c>; null when unknown.</summary>
    public string? Route { get; init; }

    /// <summary>Query string including the leading <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    /// <summary>Request headers; the Authorization value is replaced by <c>[redacted]</c>.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Whether an Authorization header was sent (its value is never recorded).</summary>
    public required bool HadAuthorization { get; init; }

    /// <summary>Whether it was <c>Bot &lt;the emulator's token&gt;</c>.</summary>
    public required bool AuthorizationValid { get; init; }

    /// <summary>JSON body (for multipart requests: the <c>payload_json</c> part); null when none.</summary>
    public string? Body { get; init; }

    /// <summary>Files of a multipart request.</summary>
    public IReadOnlyList<RecordedAttachment> Files { get; init; } = [];

    /// <summary>HTTP status answered.</summary>
    public required int Status { get; init; }

    /// <summary>JSON body answered, or null.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>Whether and why the answer was a 429.</summary>
    public RateLimitOutcome RateLimit { get; init; }

    /// <summary>Parses <see cref="Body"/>; throws when there is none.</summary>
    public JsonElement BodyJson() =>
        JsonDocument.Parse(Body ?? throw new InvalidOperationException($"{Method} {Path} had no JSON body")).RootElement.Clone();
}
