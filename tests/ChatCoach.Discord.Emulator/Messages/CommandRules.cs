using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatCoach.Discord.Emulator.Schema;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Messages;

/// <summary>Command rules the schema cannot express (PROTOCOL.md §4.2–4.5).</summary>
internal static partial class CommandRules
{
    private const int MaxCommandSize = 8000;

    /// <summary>Checks a bulk-overwrite array.</summary>
    public static FormErrors? CheckAll(JsonArray commands)
    {
        var errors = new FormErrors();
        var seen = new HashSet<(string, long)>();
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i] is not JsonObject command)
            {
                continue;
            }

            CheckCommand(command, $"/{i}", errors);
            if (!seen.Add((Wire.GetString(command, "name") ?? string.Empty, Wire.GetInteger(command, "type") ?? 1)))
            {
                errors.Add($"/{i}/name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
            }
        }

        return errors.IsEmpty ? null : errors;
    }

    /// <summary>Checks one command (create, or a patch merged onto the stored one).</summary>
    public static FormErrors? CheckOne(JsonObject command)
    {
        var errors = new FormErrors();
        CheckCommand(command, string.Empty, errors);
        return errors.IsEmpty ? null : errors;
    }

    private static void CheckCommand(JsonObject command, string path, FormErrors errors)
    {
        var type = Wire.GetInteger(command, "type") ?? 1;
        var name = Wire.GetString(command, "name") ?? string.Empty;
        var description = Wire.GetString(command, "description") ?? string.Empty;
        if (type == 1)
        {
            if (!IsChatInputName(name))
            {
                errors.Add($"{path}/name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
            }

            if (description.Length is < 1 or > 100)
            {
                errors.Add($"{path}/description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }
        }
        else if (description.Length > 0)
        {
            errors.Add($"{path}/description", "APPLICATION_COMMAND_DESCRIPTION_INVALID", "User and message commands cannot have a description.");
        }

        if (command["options"] is JsonArray options)
        {
            if (type != 1 && options.Count > 0)
            {
                errors.Add($"{path}/options", "APPLICATION_COMMAND_OPTIONS_INVALID", "Only chat input commands can have options.");
            }

            CheckOptions(options, $"{path}/options", depth: 0, errors);
        }

        if (Size(command) > MaxCommandSize)
        {
            errors.Add(path, "APPLICATION_COMMAND_TOO_LARGE", $"Command exceeds maximum size ({MaxCommandSize})");
        }
    }

    private static void CheckOptions(JsonArray options, string path, int depth, FormErrors errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var optionalSeen = false;
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] is not JsonObject option)
            {
                continue;
            }

            var type = Wire.GetInteger(option, "type") ?? 0;
            var name = Wire.GetString(option, "name") ?? string.Empty;
            if (!IsChatInputName(name))
            {
                errors.Add($"{path}/{i}/name", "APPLICATION_COMMAND_INVALID_NAME", "Option name is invalid");
            }

            if (!names.Add(name))
            {
                errors.Add($"{path}/{i}/name", "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS", "Option names must be unique");
            }

            var required = option["required"] is JsonValue r && r.TryGetValue<bool>(out var isRequired) && isRequired;
            if (required && optionalSeen)
            {
                errors.Add(path, "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            }

            optionalSeen |= !required && type is not (1 or 2);
            if (option["autocomplete"] is JsonValue a && a.TryGetValue<bool>(out var autocomplete) && autocomplete && option["choices"] is JsonArray { Count: > 0 })
            {
                errors.Add($"{path}/{i}/autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_CONFLICT", "Autocomplete cannot be set with choices.");
            }

            if (type is 1 or 2 && option["options"] is JsonArray nested)
            {
                // Groups hold sub-commands, sub-commands hold plain options; nothing nests deeper.
                if ((type == 2 && nested.OfType<JsonObject>().Any(o => Wire.GetInteger(o, "type") != 1))
                    || (type == 1 && nested.OfType<JsonObject>().Any(o => Wire.GetInteger(o, "type") is 1 or 2))
                    || (type == 2 && depth > 0))
                {
                    errors.Add($"{path}/{i}/options", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command groups may only contain sub-commands, sub-commands only plain options.");
                }

                CheckOptions(nested, $"{path}/{i}/options", depth + 1, errors);
            }
        }
    }

    private static bool IsChatInputName(string name) => ChatInputName().IsMatch(name) && string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal);

    /// <summary>Names, descriptions, choice names and values of the command and all options (PROTOCOL.md §4.5).</summary>
    private static int Size(JsonObject node)
    {
        var size = (Wire.GetString(node, "name")?.Length ?? 0) + (Wire.GetString(node, "description")?.Length ?? 0);
        if (node["choices"] is JsonArray choices)
        {
            size += choices.OfType<JsonObject>().Sum(c => (Wire.GetString(c, "name")?.Length ?? 0) + (c["value"]?.ToString().Length ?? 0));
        }

        if (node["options"] is JsonArray options)
        {
            size += options.OfType<JsonObject>().Sum(Size);
        }

        return size;
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{M}]{1,32}$")]
    private static partial Regex ChatInputName();
}
