using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Schema;

namespace ChatCoach.Discord.Emulator.Rest;

/// <summary>A REST request after routing, authentication, rate limiting and body validation.</summary>
/// <remarks>Deliberately no HttpContext: handlers see copies only (<see cref="IncomingRequest"/>).</remarks>
internal sealed class RestCall
{
    public required IncomingRequest Request { get; init; }

    public required RouteMatch Route { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>Parsed JSON body (the <c>payload_json</c> part for multipart), or null.</summary>
    public JsonNode? Body { get; init; }

    public IReadOnlyList<RecordedAttachment> Files { get; init; } = [];

    public string Param(string name) => Route.Parameter(name);

    public JsonObject BodyObject => Body as JsonObject ?? [];

    /// <summary>The first value of a query parameter, or null.</summary>
    public string? QueryValue(string name) => Request.Query.TryGetValue(name, out var value) ? value.FirstOrDefault() : null;

    public bool QueryFlag(string name) => QueryValue(name) is "true" or "1" or "True";
}
