using System.Globalization;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Payloads;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Simulation;

/// <summary>
/// Builds a slash command's <c>data</c> the way Discord would after a user filled in the form:
/// option types come from the registered command, values are checked against its choices and bounds,
/// and user/channel/role options get their <c>resolved</c> entries (PROTOCOL.md §3.3).
/// </summary>
internal sealed class CommandInvocation(EmulatorCore core, GuildInvocation? guild)
{
    private readonly JsonObject _resolved = [];

    public JsonObject Data(JsonObject? command, string name, IReadOnlyList<CommandOptionValue> values)
    {
        var data = new JsonObject
        {
            ["id"] = command is null ? core.Ids.Next() : Wire.GetString(command, "id"),
            ["name"] = name,
            ["type"] = 1,
        };
        var options = Options(command?["options"] as JsonArray, values, $"/{name}", strict: command is not null);
        if (options.Count > 0)
        {
            data["options"] = options;
        }

        if (_resolved.Count > 0)
        {
            data["resolved"] = _resolved;
        }

        if (command is not null && Wire.GetString(command, "guild_id") is { } guildId)
        {
            data["guild_id"] = guildId;
        }

        return data;
    }

    private JsonArray Options(JsonArray? definitions, IReadOnlyList<CommandOptionValue> values, string path, bool strict)
    {
        var result = new JsonArray();
        foreach (var value in values)
        {
            var definition = definitions?.OfType<JsonObject>().FirstOrDefault(d => Wire.GetString(d, "name") == value.Name);
            if (definition is null && strict)
            {
                throw new ArgumentException($"{path} has no option '{value.Name}' (registered: {string.Join(", ", definitions?.OfType<JsonObject>().Select(d => Wire.GetString(d, "name")) ?? [])}).");
            }

            var type = definition is null ? Infer(value) : (int)(Wire.GetInteger(definition, "type") ?? 3);
            if (type is 1 or 2)
            {
                result.Add(new JsonObject
                {
                    ["name"] = value.Name,
                    ["type"] = type,
                    ["options"] = Options(definition?["options"] as JsonArray, value.Options ?? [], $"{path} {value.Name}", strict),
                });
                continue;
            }

            result.Add(new JsonObject { ["name"] = value.Name, ["type"] = type, ["value"] = Value(definition, type, value, $"{path} {value.Name}") });
        }

        if (strict && definitions is not null)
        {
            var missing = definitions.OfType<JsonObject>()
                .Where(d => d["required"] is JsonValue r && r.TryGetValue<bool>(out var required) && required)
                .Select(d => Wire.GetString(d, "name"))
                .Where(n => values.All(v => v.Name != n))
                .ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException($"{path}: required option(s) {string.Join(", ", missing)} missing; Discord's client would not send this.");
            }
        }

        return result;
    }

    private JsonNode? Value(JsonObject? definition, int type, CommandOptionValue option, string path)
    {
        var raw = option.Value ?? throw new ArgumentException($"{path} needs a value.");
        JsonNode? value = type switch
        {
            3 => Convert.ToString(raw, CultureInfo.InvariantCulture),
            4 => Convert.ToInt64(raw, CultureInfo.InvariantCulture),
            5 => Convert.ToBoolean(raw, CultureInfo.InvariantCulture),
            10 => Convert.ToDouble(raw, CultureInfo.InvariantCulture),
            6 or 7 or 8 or 9 => Resolve(type, Convert.ToString(raw, CultureInfo.InvariantCulture)!, path),
            11 => Attach(raw as EmulatedAttachment ?? throw new ArgumentException($"{path} takes an {nameof(EmulatedAttachment)}.")),
            _ => throw new NotSupportedException($"{path}: option type {type} cannot be simulated."),
        };
        if (definition is not null)
        {
            CheckBounds(definition, value!, path);
        }

        return value;
    }

    private static void CheckBounds(JsonObject definition, JsonNode value, string path)
    {
        if (definition["choices"] is JsonArray { Count: > 0 } choices
            && !choices.OfType<JsonObject>().Any(c => c["value"]?.ToJsonString() == value.ToJsonString()))
        {
            throw new ArgumentException($"{path}: {value.ToJsonString()} is not one of the registered choices.");
        }

        if (value is JsonValue text && text.TryGetValue<string>(out var s))
        {
            if (s.Length < (Wire.GetInteger(definition, "min_length") ?? 0) || s.Length > (Wire.GetInteger(definition, "max_length") ?? 6000))
            {
                throw new ArgumentException($"{path}: length {s.Length} is outside min_length/max_length.");
            }
        }
        else if (value is JsonValue number && number.TryGetValue<double>(out var n))
        {
            var min = definition["min_value"]?.GetValue<double>();
            var max = definition["max_value"]?.GetValue<double>();
            if (n < min || n > max)
            {
                throw new ArgumentException($"{path}: {n} is outside min_value/max_value.");
            }
        }
    }

    private string Resolve(int type, string id, string path)
    {
        if (!Wire.IsSnowflake(id))
        {
            throw new ArgumentException($"{path}: '{id}' is not a snowflake.");
        }

        switch (type)
        {
            case 6 or 9:
                var user = core.Users.GetOrAdd(id);
                Bag("users")[id] = UserPayloads.User(user);
                if (guild is not null)
                {
                    Bag("members")[id] = GuildPayloads.Member(user, core.StartedAt, [], GuildInvocation.RegularMemberPermissions, includeUser: false);
                }

                break;
            case 7:
                Bag("channels")[id] = new JsonObject { ["id"] = id, ["name"] = $"channel-{id}", ["type"] = 0, ["permissions"] = GuildPayloads.GuildAppPermissions, ["flags"] = 0 };
                break;
            case 8:
                Bag("roles")[id] = new JsonObject { ["id"] = id, ["name"] = $"role-{id}", ["color"] = 0, ["hoist"] = false, ["position"] = 1, ["permissions"] = "0", ["managed"] = false, ["mentionable"] = true, ["flags"] = 0 };
                break;
            default:
                break;
        }

        return id;
    }

    private string Attach(EmulatedAttachment file)
    {
        var attachment = core.Attachments.Add(file);
        var id = Wire.GetString(attachment, "id")!;
        Bag("attachments")[id] = attachment;
        return id;
    }

    private JsonObject Bag(string name)
    {
        if (_resolved[name] is not JsonObject bag)
        {
            bag = [];
            _resolved[name] = bag;
        }

        return bag;
    }

    private static int Infer(CommandOptionValue value) => value.Value switch
    {
        null when value.Options is not null => 1,
        bool => 5,
        EmulatedAttachment => 11,
        int or long or short or byte => 4,
        double or float or decimal => 10,
        _ => 3,
    };
}
