using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace ChatCoach.Discord.Emulator.Schema;

/// <summary>
/// Validates request bodies against the spec (JSON Schema 2020-12 via JsonSchema.Net) and turns the
/// result into Discord's 50035 error tree. For a failed <c>oneOf</c>/<c>anyOf</c> only the branch
/// the body most plausibly meant is reported (the one whose <c>type</c> discriminator matched and
/// whose errors go deepest), as Discord reports one problem per field rather than every alternative.
/// </summary>
internal sealed partial class RequestBodyValidator(OpenApiSpec spec)
{
    private const string SnowflakePattern = "^(0|[1-9][0-9]*)$";
    private static readonly EvaluationOptions FlagOptions = new() { OutputFormat = OutputFormat.Flag };
    private static readonly EvaluationOptions DetailedOptions = new() { OutputFormat = OutputFormat.Hierarchical };

    /// <summary>Null when valid, otherwise the errors.</summary>
    public FormErrors? Validate(JsonSchema schema, JsonElement body)
    {
        if (schema.Evaluate(body, FlagOptions).IsValid)
        {
            return null;
        }

        var errors = new FormErrors();
        Collect(schema.Evaluate(body, DetailedOptions), body, errors);
        if (errors.IsEmpty)
        {
            errors.Add(string.Empty, "BASE_TYPE_INVALID", "Invalid Form Body");
        }

        return errors;
    }

    private void Collect(EvaluationResults node, JsonElement body, FormErrors errors)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            Describe(node, keyword, message, body, errors);
        }

        var children = node.Details ?? [];
        foreach (var child in children.Where(c => UnionKeyword(c) is null))
        {
            Collect(child, body, errors);
        }

        foreach (var union in children.Where(c => UnionKeyword(c) is not null).GroupBy(c => UnionPath(c)))
        {
            CollectUnion([.. union], body, errors);
        }
    }

    private void CollectUnion(IReadOnlyList<EvaluationResults> branches, JsonElement body, FormErrors errors)
    {
        var keyword = UnionKeyword(branches[0]);
        var valid = branches.Count(b => b.IsValid);
        if (valid == 1 || (valid > 1 && keyword == "anyOf"))
        {
            return;
        }

        var location = Pointer(branches[0].InstanceLocation);
        if (valid > 1)
        {
            errors.Add(location, "UNION_TYPE_CHOICES", "Value matches more than one of the allowed shapes.");
            return;
        }

        var constants = branches.Select(b => ConstantOf(b)).ToList();
        if (constants.All(c => c is not null))
        {
            errors.Add(location, "BASE_TYPE_CHOICES", $"Value must be one of ({string.Join(", ", constants)}).");
            return;
        }

        var best = branches.OrderByDescending(b => Score(b, location)).First();
        Collect(best, body, errors);
    }

    /// <summary>Prefer the branch whose discriminator matched, then the right JSON type, then the deepest errors.</summary>
    private static (bool, bool, int, int) Score(EvaluationResults branch, string location)
    {
        var failures = Failures(branch).ToList();
        var discriminatorMatched = !failures.Any(f => Pointer(f.Node.InstanceLocation) == location + "/type");
        var typeMatched = !failures.Any(f => Pointer(f.Node.InstanceLocation) == location && f.Keyword == "type");
        var depth = failures.Count == 0 ? 0 : failures.Max(f => FormErrors.Segments(Pointer(f.Node.InstanceLocation)).Count());
        return (discriminatorMatched, typeMatched, depth, -failures.Count);
    }

    private static IEnumerable<(EvaluationResults Node, string Keyword)> Failures(EvaluationResults node)
    {
        if (node.IsValid)
        {
            yield break;
        }

        foreach (var keyword in (node.Errors ?? new Dictionary<string, string>()).Keys)
        {
            yield return (node, keyword);
        }

        foreach (var child in node.Details ?? [])
        {
            foreach (var failure in Failures(child))
            {
                yield return failure;
            }
        }
    }

    /// <summary>The literal a branch demands when all it checks is <c>const</c> (enum-like unions).</summary>
    private string? ConstantOf(EvaluationResults branch)
    {
        var failures = Failures(branch).ToList();
        if (failures.Count != 1 || failures[0].Keyword != "const")
        {
            return null;
        }

        return ResolveSchema(failures[0].Node.SchemaLocation) is { ValueKind: JsonValueKind.Object } schema && schema.TryGetProperty("const", out var value)
            ? (value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText())
            : null;
    }

    private void Describe(EvaluationResults node, string keyword, string message, JsonElement body, FormErrors errors)
    {
        var location = Pointer(node.InstanceLocation);
        var schema = ResolveSchema(node.SchemaLocation);
        var instance = Resolve(body, location);
        switch (keyword)
        {
            case "required":
                foreach (var name in MissingProperties(schema, instance, message))
                {
                    errors.Add($"{location}/{name}", "BASE_TYPE_REQUIRED", "This field is required");
                }

                break;
            case "type":
                errors.Add(location, TypeCode(schema, message), TypeMessage(schema, message, instance));
                break;
            case "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties":
                errors.Add(location, LengthCode(schema, keyword, message), LengthMessage(schema, keyword, message));
                break;
            case "minimum":
                errors.Add(location, "NUMBER_TYPE_MIN", $"int value should be greater than or equal to {Number(schema, keyword, message)}.");
                break;
            case "maximum":
                errors.Add(location, "NUMBER_TYPE_MAX", $"int value should be less than or equal to {Number(schema, keyword, message)}.");
                break;
            case "enum" or "const":
                errors.Add(location, "BASE_TYPE_CHOICES", $"Value must be one of ({Choices(schema, keyword)}).");
                break;
            case "pattern" when schema is { } s && s.TryGetProperty("pattern", out var pattern) && pattern.GetString() == SnowflakePattern:
                errors.Add(location, "NUMBER_TYPE_COERCE", $"Value \"{Text(instance)}\" is not snowflake.");
                break;
            case "pattern":
                errors.Add(location, "STRING_TYPE_REGEX", "String value did not match validation regex.");
                break;
            case "uniqueItems":
                errors.Add(location, "LIST_ITEM_VALUE_DUPLICATE", "Duplicate values are not allowed.");
                break;
            default:
                errors.Add(location, "BASE_TYPE_INVALID", message);
                break;
        }
    }

    private JsonElement? ResolveSchema(Uri? location)
    {
        if (location is null || string.IsNullOrEmpty(location.Fragment))
        {
            return null;
        }

        var pointer = Uri.UnescapeDataString(location.Fragment.TrimStart('#'));
        var segments = FormErrors.Segments(pointer).ToList();
        if (segments.Count < 2 || segments[0] != "components" || segments[1] != "schemas")
        {
            return null;
        }

        var current = spec.ComponentSchema(segments[2]);
        foreach (var segment in segments.Skip(3))
        {
            if (!Step(current, segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static JsonElement? Resolve(JsonElement body, string pointer)
    {
        var current = body;
        foreach (var segment in FormErrors.Segments(pointer))
        {
            if (!Step(current, segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static bool Step(JsonElement from, string segment, out JsonElement to)
    {
        if (from.ValueKind == JsonValueKind.Object && from.TryGetProperty(segment, out to))
        {
            return true;
        }

        if (from.ValueKind == JsonValueKind.Array && int.TryParse(segment, CultureInfo.InvariantCulture, out var index) && index < from.GetArrayLength())
        {
            to = from[index];
            return true;
        }

        to = default;
        return false;
    }

    private static IEnumerable<string> MissingProperties(JsonElement? schema, JsonElement? instance, string message)
    {
        if (schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("required", out var required) && instance is { ValueKind: JsonValueKind.Object } obj)
        {
            return required.EnumerateArray().Select(r => r.GetString()!).Where(name => !obj.TryGetProperty(name, out _));
        }

        return QuotedValue().Matches(message).Select(m => m.Groups[1].Value.Trim('"'));
    }

    private static IEnumerable<string> Types(JsonElement? schema, string message)
    {
        if (schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!) : [type.GetString()!];
        }

        var expected = message.Split("should be", 2);
        return expected.Length == 2 ? expected[1].Trim(' ', '"', '.').Split(", ") : [];
    }

    private static string TypeCode(JsonElement? schema, string message) =>
        Types(schema, message).FirstOrDefault(t => t != "null") switch
        {
            "string" => "BASE_TYPE_STRING",
            "integer" or "number" => "NUMBER_TYPE_COERCE",
            "boolean" => "BASE_TYPE_BOOLEAN",
            "object" => "MODEL_TYPE_CONVERT",
            "array" => "LIST_TYPE_CONVERT",
            _ => "BASE_TYPE_INVALID",
        };

    private static string TypeMessage(JsonElement? schema, string message, JsonElement? instance) =>
        Types(schema, message).FirstOrDefault(t => t != "null") switch
        {
            "string" => $"Could not interpret \"{Text(instance)}\" as string.",
            "integer" => $"Value \"{Text(instance)}\" is not int.",
            "number" => $"Value \"{Text(instance)}\" is not a number.",
            "boolean" => "Must be either true or false.",
            "object" => "Only dictionaries may be used in a ModelType",
            "array" => "Only iterables may be used in a ListType",
            _ => message,
        };

    private static string LengthCode(JsonElement? schema, string keyword, string message)
    {
        var (min, max) = Bounds(schema, keyword, message);
        return (min, max) switch
        {
            ({ } lo, { } _) when lo > 0 => "BASE_TYPE_BAD_LENGTH",
            (_, { }) => "BASE_TYPE_MAX_LENGTH",
            _ => "BASE_TYPE_MIN_LENGTH",
        };
    }

    private static string LengthMessage(JsonElement? schema, string keyword, string message)
    {
        var (min, max) = Bounds(schema, keyword, message);
        return (min, max) switch
        {
            ({ } lo, { } hi) when lo > 0 => $"Must be between {lo} and {hi} in length.",
            (_, { } hi) => $"Must be {hi} or fewer in length.",
            ({ } lo, _) => $"Must be {lo} or more in length.",
            _ => message,
        };
    }

    private static (long? Min, long? Max) Bounds(JsonElement? schema, string keyword, string message)
    {
        var family = keyword[3..];
        long? Get(string name) => schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : null;
        var min = Get("min" + family);
        var max = Get("max" + family);
        if (min is null && max is null)
        {
            var parsed = FirstNumber(message);
            return keyword.StartsWith("min", StringComparison.Ordinal) ? (parsed, null) : (null, parsed);
        }

        return (min, max);
    }

    private static string Number(JsonElement? schema, string keyword, string message) =>
        schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(keyword, out var value) ? value.GetRawText() : FirstNumber(message)?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Choices(JsonElement? schema, string keyword)
    {
        if (schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(keyword, out var value))
        {
            return value.ValueKind == JsonValueKind.Array ? string.Join(", ", value.EnumerateArray().Select(v => v.GetRawText())) : value.GetRawText();
        }

        return "?";
    }

    private static long? FirstNumber(string message)
    {
        var match = Digits().Match(message);
        return match.Success ? long.Parse(match.Value, CultureInfo.InvariantCulture) : null;
    }

    private static string Text(JsonElement? instance) =>
        instance is { ValueKind: JsonValueKind.String } s ? s.GetString()! : instance?.GetRawText() ?? string.Empty;

    private static string Pointer(Json.Pointer.JsonPointer pointer) => pointer.ToString();

    private static string? UnionKeyword(EvaluationResults node)
    {
        var segments = node.EvaluationPath.ToString().Split('/');
        return segments.Length >= 2 && segments[^2] is "oneOf" or "anyOf" && int.TryParse(segments[^1], CultureInfo.InvariantCulture, out _) ? segments[^2] : null;
    }

    private static string UnionPath(EvaluationResults node)
    {
        var path = node.EvaluationPath.ToString();
        return path[..path.LastIndexOf('/')];
    }

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex QuotedValue();

    [GeneratedRegex("-?[0-9]+")]
    private static partial Regex Digits();
}
