using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.Schema;

/// <summary>
/// Patches the OpenAPI document where Discord's documentation disagrees with it; the spec's own README
/// says the documentation wins (PROTOCOL.md §10 and §4.2).
/// </summary>
internal static class DocumentationOverlay
{
    /// <summary>Documented message content limit; the spec says 4000 for bot messages.</summary>
    public const int MaxContentLength = 2000;

    /// <summary>Documented modal top-level component limit; the spec says 40.</summary>
    public const int MaxModalComponents = 5;

    public static void Apply(JsonObject document)
    {
        RemoveVendorExtensions(document);
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var name in new[] { "MessageCreateRequest", "MessageEditRequestPartial", "BaseCreateMessageCreateRequest" })
        {
            if (schemas[name]?["properties"]?["content"] is JsonObject content)
            {
                content["maxLength"] = MaxContentLength;
            }
        }

        if (schemas["ModalInteractionCallbackRequestData"]?["properties"]?["components"] is JsonObject modalComponents)
        {
            modalComponents["maxItems"] = MaxModalComponents;
        }

        // Docs examples number new attachments with integers ("id": 0); the spec only allows snowflake strings.
        if (schemas["MessageAttachmentRequest"]?["properties"] is JsonObject attachment)
        {
            attachment["id"] = new JsonObject
            {
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["$ref"] = "#/components/schemas/SnowflakeType" },
                    new JsonObject { ["type"] = "integer", ["minimum"] = 0 }),
            };
        }

        // Docs: a permission bitfield is a decimal string; the spec types it as integer and its README
        // says int-parseable strings are accepted, so both forms validate.
        foreach (var (_, schema) in schemas)
        {
            if (schema?["properties"]?["default_member_permissions"] is JsonObject permissions)
            {
                permissions["type"] = new JsonArray("integer", "string", "null");
                permissions["pattern"] = "^[0-9]+$";
            }
        }
    }

    /// <summary>
    /// <c>x-discord-*</c> keys are documentation-only annotations; JsonSchema.Net's 2020-12 dialect
    /// rejects unknown keywords, so they go before the schemas are built.
    /// </summary>
    private static void RemoveVendorExtensions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal)).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, child) in obj)
                {
                    RemoveVendorExtensions(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RemoveVendorExtensions(child);
                }

                break;
            default:
                break;
        }
    }
}
