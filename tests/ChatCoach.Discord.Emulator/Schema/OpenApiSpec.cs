using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ChatCoach.Discord.Emulator.Schema;

/// <summary>
/// Discord's OpenAPI description (embedded copy, patched by <see cref="DocumentationOverlay"/>):
/// the list of routes the API has, and the request-body schema of each operation.
/// </summary>
internal sealed class OpenApiSpec
{
    private const string ResourceName = "discord-openapi.json";
    private static readonly Uri DocumentUri = new("https://emulator.invalid/discord/openapi.json");
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private readonly JsonElement _root;
    private readonly BuildOptions _buildOptions;
    private readonly IReadOnlyList<SpecRoute> _routes;
    private readonly Lock _buildGate = new();
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    private OpenApiSpec(JsonElement root)
    {
        _root = root;
        var registry = new SchemaRegistry();
        registry.Register(DocumentUri, new JsonElementBaseDocument(root, DocumentUri));
        _buildOptions = new BuildOptions { SchemaRegistry = registry };
        _routes = [.. root.GetProperty("paths").EnumerateObject().Select(p => ReadRoute(p.Name, p.Value))];
    }

    public static OpenApiSpec LoadEmbedded()
    {
        using var stream = typeof(OpenApiSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var document = JsonNode.Parse(stream)!.AsObject();
        DocumentationOverlay.Apply(document);
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return new OpenApiSpec(parsed.RootElement.Clone());
    }

    /// <summary>Finds the template for a path relative to the API base (<c>/channels/1/messages</c>); literal segments beat parameters.</summary>
    public RouteMatch? Match(string path)
    {
        var segments = path.Trim('/').Split('/');
        RouteMatch? best = null;
        foreach (var route in _routes)
        {
            if (route.Segments.Count != segments.Length || (best is not null && best.Route.LiteralCount >= route.LiteralCount))
            {
                continue;
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < segments.Length && matched; i++)
            {
                var template = route.Segments[i];
                if (template.StartsWith('{'))
                {
                    matched = segments[i].Length > 0;
                    parameters[template.Trim('{', '}')] = Uri.UnescapeDataString(segments[i]);
                }
                else
                {
                    matched = string.Equals(template, segments[i], StringComparison.Ordinal);
                }
            }

            if (matched)
            {
                best = new RouteMatch(route, parameters);
            }
        }

        return best;
    }

    /// <summary>The compiled <c>application/json</c> request schema of an operation, or null when it takes no JSON body.</summary>
    public JsonSchema? RequestSchema(SpecRoute route, string method)
    {
        if (!route.Operations.TryGetValue(method, out var operation) || !operation.HasJsonBody)
        {
            return null;
        }

        var key = $"{method} {route.Template}";
        lock (_buildGate)
        {
            // Built once per operation: the registry refuses a second schema under the same URI.
            if (!_schemas.TryGetValue(key, out var schema))
            {
                var pointer = $"#/paths/{Escape(route.Template)}/{method.ToLowerInvariant()}/requestBody/content/{Escape("application/json")}/schema";
                var reference = new JsonObject { ["$ref"] = DocumentUri + pointer };
                using var document = JsonDocument.Parse(reference.ToJsonString());
                schema = JsonSchema.Build(document.RootElement.Clone(), _buildOptions, new Uri(DocumentUri, $"request/{_schemas.Count}"));
                _schemas[key] = schema;
            }

            return schema;
        }
    }

    /// <summary>A named schema from <c>components/schemas</c> (used by tests and fixtures checks).</summary>
    public JsonElement ComponentSchema(string name) => _root.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static SpecRoute ReadRoute(string template, JsonElement pathItem)
    {
        var operations = new Dictionary<string, SpecOperation>(StringComparer.Ordinal);
        foreach (var method in Methods)
        {
            if (!pathItem.TryGetProperty(method, out var operation))
            {
                continue;
            }

            var anonymous = operation.TryGetProperty("security", out var security)
                && security.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && !s.EnumerateObject().Any());
            var jsonBody = operation.TryGetProperty("requestBody", out var body)
                && body.TryGetProperty("content", out var content)
                && content.TryGetProperty("application/json", out _);
            var upper = method.ToUpperInvariant();
            operations[upper] = new SpecOperation(upper, anonymous, jsonBody);
        }

        return new SpecRoute(template, template.Trim('/').Split('/'), operations);
    }
}
