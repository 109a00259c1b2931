using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Schema;

namespace ChatCoach.Discord.Emulator.Rest;

/// <summary>A REST request after routing, authentication, rate limiting and body validation.</summary>
internal sealed class RestCall
{
    public required HttpContext Http { get; init; }

    public required string Method { get; init; }

    public required RouteMatch Route { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>Parsed JSON body (the <c>payload_json</c> part for multipart), or null.</summary>
    public JsonNode? Body { get; init; }

    public IReadOnlyList<RecordedAttachment> Files { get; init; } = [];

    public string Param(string name) => Route.Parameter(name);

    public JsonObject BodyObject => Body as JsonObject ?? [];

    public bool QueryFlag(string name) =>
        Http.Request.Query.TryGetValue(name, out var value) && (value == "true" || value == "1" || value == "True");
}
