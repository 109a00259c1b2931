using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCoach.Tests.Shared;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatCoach.Tests.Dialogs;

/// <summary>
/// dialogs/script.schema.json, which editors use to complete and check scripts as moderators type, must accept
/// every real script and refuse the mistakes it can see.
/// </summary>
public sealed class ScriptSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Dialogs, "script.schema.json")));

    public static TheoryData<string> Scripts() => new(Directory.EnumerateFiles(RepositoryPaths.Dialogs, "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_script_matches_the_schema(string file)
    {
        var result = Evaluate(File.ReadAllText(Path.Combine(RepositoryPaths.Dialogs, file)));

        Assert.True(result.IsValid, string.Join("\n", Errors(result)));
    }

    [Theory]
    [InlineData("    reask: \"Please answer yes or no.\"", "    reaks: \"Please answer yes or no.\"")]
    [InlineData("    kind: yesno", "    kind: yes-no")]
    [InlineData("        label: Observership", "        label: Observership observership observership observership observership observership observership")]
    [InlineData("    min: 0\n    max: 4", "    min: zero\n    max: 4")]
    public void A_mistake_the_schema_can_see_is_refused(string right, string wrong)
    {
        var sample = File.ReadAllText(Path.Combine(RepositoryPaths.Dialogs, "sample.yaml"));
        Assert.Contains(right, sample);

        Assert.False(Evaluate(sample.Replace(right, wrong, StringComparison.Ordinal)).IsValid);
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        using var json = JsonDocument.Parse(ToJson(stream.Documents[0].RootNode)!.ToJsonString());
        return Schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>YAML as an editor's language server sees it: plain true/false are booleans, plain whole numbers numbers.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } flag => JsonValue.Create(flag.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } number when long.TryParse(number.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
}
