using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Rest;
using ChatCoach.Discord.Emulator.Schema;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Messages;

/// <summary>Message rules beyond the schema (PROTOCOL.md §6.3–6.4, §5.6).</summary>
internal static class MessageRules
{
    public const int ComponentsV2 = 1 << 15;
    private const int MaxEmbedText = 6000;

    /// <summary>Null when the body may create (or, with <paramref name="isEdit"/>, edit) a message.</summary>
    public static RestResult? Check(JsonObject body, int fileCount, bool isEdit)
    {
        var errors = new FormErrors();
        var flags = Wire.GetInteger(body, "flags") ?? 0;
        var componentsV2 = (flags & ComponentsV2) != 0;
        if (componentsV2)
        {
            if (!string.IsNullOrEmpty(Wire.GetString(body, "content")))
            {
                errors.Add("/content", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
            }

            if (body["embeds"] is JsonArray { Count: > 0 })
            {
                errors.Add("/embeds", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
            }
        }

        if (body["components"] is JsonArray components)
        {
            ComponentRules.Check(components, componentsV2, errors);
        }

        if (body["embeds"] is JsonArray embeds && EmbedText(embeds) > MaxEmbedText)
        {
            errors.Add("/embeds", "MAX_EMBED_SIZE_EXCEEDED", $"Embed size exceeds maximum size of {MaxEmbedText}");
        }

        if (!errors.IsEmpty)
        {
            return RestResult.InvalidForm(errors);
        }

        return !isEdit && IsEmpty(body, fileCount) ? DiscordErrors.EmptyMessage() : null;
    }

    private static bool IsEmpty(JsonObject body, int fileCount) =>
        string.IsNullOrEmpty(Wire.GetString(body, "content"))
        && body["embeds"] is not JsonArray { Count: > 0 }
        && body["sticker_ids"] is not JsonArray { Count: > 0 }
        && body["components"] is not JsonArray { Count: > 0 }
        && body["poll"] is null
        && fileCount == 0;

    private static int EmbedText(JsonArray embeds)
    {
        var total = 0;
        foreach (var embed in embeds.OfType<JsonObject>())
        {
            total += Length(embed["title"]) + Length(embed["description"]) + Length(embed["footer"]?["text"]) + Length(embed["author"]?["name"]);
            if (embed["fields"] is JsonArray fields)
            {
                total += fields.OfType<JsonObject>().Sum(f => Length(f["name"]) + Length(f["value"]));
            }
        }

        return total;
    }

    private static int Length(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text.Trim().Length : 0;
}
