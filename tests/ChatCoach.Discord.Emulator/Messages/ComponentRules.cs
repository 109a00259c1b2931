using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Schema;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Messages;

/// <summary>
/// Component rules the schema cannot express (PROTOCOL.md §5): legacy messages hold at most five
/// action rows; a row holds up to five buttons or exactly one select; button styles decide between
/// <c>custom_id</c> and <c>url</c>; custom ids are unique within a message.
/// </summary>
internal static class ComponentRules
{
    private const int ActionRow = 1;
    private const int Button = 2;
    private const int LinkStyle = 5;
    private const int PremiumStyle = 6;

    public static void Check(JsonArray components, bool componentsV2, FormErrors errors, string path = "/components")
    {
        if (!componentsV2)
        {
            if (components.Count > 5)
            {
                errors.Add(path, "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
            }

            for (var i = 0; i < components.Count; i++)
            {
                if (components[i] is JsonObject top && Wire.GetInteger(top, "type") != ActionRow)
                {
                    errors.Add($"{path}/{i}/type", "COMPONENT_TYPE_INVALID", "Only action rows may be top-level components without the IS_COMPONENTS_V2 flag.");
                }
            }
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        Walk(components, path, customIds, errors);
    }

    private static void Walk(JsonNode? node, string path, HashSet<string> customIds, FormErrors errors)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Walk(array[i], $"{path}/{i}", customIds, errors);
            }

            return;
        }

        if (node is not JsonObject component)
        {
            return;
        }

        if (Wire.GetString(component, "custom_id") is { } customId && !customIds.Add(customId))
        {
            errors.Add($"{path}/custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
        }

        switch (Wire.GetInteger(component, "type"))
        {
            case ActionRow:
                CheckRow(component, path, errors);
                break;
            case Button:
                CheckButton(component, path, errors);
                break;
            case 3:
                CheckStringSelect(component, path, errors);
                break;
            default:
                break;
        }

        foreach (var child in new[] { "components", "accessory", "component" })
        {
            if (component[child] is { } nested)
            {
                Walk(nested, $"{path}/{child}", customIds, errors);
            }
        }
    }

    private static void CheckRow(JsonObject row, string path, FormErrors errors)
    {
        if (row["components"] is not JsonArray children)
        {
            return;
        }

        var types = children.OfType<JsonObject>().Select(c => Wire.GetInteger(c, "type")).ToList();
        var buttons = types.Count(t => t == Button);
        var selects = types.Count(t => t is >= 3 and <= 8 and not 4);
        if (buttons > 5 || selects > 1 || (selects == 1 && buttons > 0))
        {
            errors.Add($"{path}/components", "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width");
        }
    }

    private static void CheckButton(JsonObject button, string path, FormErrors errors)
    {
        var style = Wire.GetInteger(button, "style");
        var hasCustomId = Wire.GetString(button, "custom_id") is not null;
        var hasUrl = Wire.GetString(button, "url") is not null;
        switch (style)
        {
            case LinkStyle:
                if (!hasUrl)
                {
                    errors.Add($"{path}/url", "BASE_TYPE_REQUIRED", "This field is required");
                }

                if (hasCustomId)
                {
                    errors.Add($"{path}/custom_id", "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A link button cannot have a custom_id.");
                }

                break;
            case PremiumStyle:
                if (button["sku_id"] is null)
                {
                    errors.Add($"{path}/sku_id", "BASE_TYPE_REQUIRED", "This field is required");
                }

                break;
            default:
                if (!hasCustomId)
                {
                    errors.Add($"{path}/custom_id", "BASE_TYPE_REQUIRED", "This field is required");
                }

                if (hasUrl)
                {
                    errors.Add($"{path}/url", "BUTTON_COMPONENT_URL_NOT_ALLOWED", "Only link buttons can have a url.");
                }

                break;
        }
    }

    private static void CheckStringSelect(JsonObject select, string path, FormErrors errors)
    {
        var options = (select["options"] as JsonArray)?.Count ?? 0;
        var min = Wire.GetInteger(select, "min_values") ?? 1;
        var max = Wire.GetInteger(select, "max_values") ?? 1;
        if (min > max)
        {
            errors.Add($"{path}/min_values", "SELECT_COMPONENT_MIN_VALUES_TOO_LARGE", "min_values cannot be larger than max_values.");
        }

        if (max > options && options > 0)
        {
            errors.Add($"{path}/max_values", "SELECT_COMPONENT_MAX_VALUES_TOO_LARGE", $"max_values cannot be larger than the number of options ({options}).");
        }
    }
}
