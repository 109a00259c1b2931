using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ChatCoach.Discord.Tests.Support;

// Validates a JSON body against the requestBody schema of an OpenAPI route by turning components/schemas into
// $defs of a standalone 2020-12 schema (OpenAPI 3.1 schemas are JSON Schema 2020-12).
internal sealed class OpenApiValidator
{
    private static readonly Lazy<OpenApiValidator> Shared = new(() => new OpenApiValidator(File.ReadAllText(SharedFiles.OpenApiPath)));
    private readonly JsonObject _document;
    private readonly string _defs;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    private OpenApiValidator(string openApiText)
    {
        _document = JsonNode.Parse(openApiText)!.AsObject();
        _defs = Rewrite(_document["components"]!["schemas"]!.ToJsonString());
    }

    public static OpenApiValidator Instance => Shared.Value;

    public JsonNode RequestSchema(string path, string method, string contentType = "application/json") =>
        _document["paths"]![path]![method]!["requestBody"]!["content"]![contentType]!["schema"]!;

    public EvaluationResults Validate(string path, string method, string json, string contentType = "application/json")
    {
        var schema = _schemas.GetOrAdd($"{method} {path} {contentType}", key =>
        {
            var root = $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{{_defs}},"allOf":[{{Rewrite(RequestSchema(path, method, contentType).ToJsonString())}}]}""";
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            return JsonSchema.FromText(root, options, new Uri("https://openapi.test/" + Uri.EscapeDataString(key)));
        });
        using var instance = JsonDocument.Parse(json);
        return schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    public static string Describe(EvaluationResults results) =>
        string.Join(Environment.NewLine, results.Details?.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")) ?? []);

    private static string Rewrite(string json) => json.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
}
