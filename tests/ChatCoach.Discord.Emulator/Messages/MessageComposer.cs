using System.Globalization;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Payloads;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Messages;

/// <summary>How a bot message comes into being.</summary>
/// <param name="Origin">Route family.</param>
/// <param name="Type">Message type: 0 default, 19 reply, 20 chat-input command response.</param>
/// <param name="Interaction">Interaction answered (responses and follow-ups), else null.</param>
/// <param name="ExtraFlags">Flags the emulator adds (128 LOADING for deferred responses).</param>
internal sealed record MessageDraft(MessageOrigin Origin, int Type, StoredInteraction? Interaction = null, int ExtraFlags = 0);

/// <summary>Builds and edits bot messages from request bodies, the way Discord stores them.</summary>
internal sealed class MessageComposer(EmulatorCore core)
{
    /// <summary>SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_VOICE_MESSAGE, IS_COMPONENTS_V2 (PROTOCOL.md §6.3).</summary>
    private const int ChannelMessageFlags = 4 | 4096 | 8192 | MessageRules.ComponentsV2;

    /// <summary>Interaction responses may also be EPHEMERAL (PROTOCOL.md §3.6).</summary>
    private const int InteractionMessageFlags = ChannelMessageFlags | 64;

    public StoredMessage Create(ChannelRecord channel, JsonObject body, IReadOnlyList<RecordedAttachment> files, DateTimeOffset now, MessageDraft draft, string? referencedMessageId = null)
    {
        var interaction = draft.Interaction;
        var message = new StoredMessage
        {
            Id = core.Ids.Next(),
            Channel = channel,
            AuthorId = core.Options.BotUserId,
            Author = UserPayloads.Bot(core.Options),
            ByBot = true,
            CreatedAt = now,
            Origin = draft.Origin,
            Type = referencedMessageId is null ? draft.Type : 19,
            Tts = body["tts"] is JsonValue tts && tts.TryGetValue<bool>(out var isTts) && isTts,
            Nonce = Wire.Clone(body["nonce"]),
            ReferencedMessageId = referencedMessageId,
            MessageReference = referencedMessageId is null ? null : Reference(channel, referencedMessageId),
            WebhookId = interaction is null ? null : core.Options.ApplicationId,
            ApplicationId = interaction is null ? null : core.Options.ApplicationId,
            InteractionId = interaction?.Id,
            InteractionMetadata = interaction is null ? null : Metadata(interaction),
        };
        var allowed = interaction is null ? ChannelMessageFlags : InteractionMessageFlags;
        message.Flags = ((int)(Wire.GetInteger(body, "flags") ?? 0) & allowed) | draft.ExtraFlags;
        Apply(message, body, files);
        return message;
    }

    /// <summary>Applies an edit body: present fields replace, absent ones stay; LOADING ends with the first edit.</summary>
    public void Edit(StoredMessage message, JsonObject body, IReadOnlyList<RecordedAttachment> files)
    {
        if (body.ContainsKey("flags"))
        {
            // Only SUPPRESS_EMBEDS can change after creation.
            message.Flags = (message.Flags & ~4) | ((int)(Wire.GetInteger(body, "flags") ?? 0) & 4);
        }

        message.Flags &= ~128;
        Apply(message, body, files);
    }

    private void Apply(StoredMessage message, JsonObject body, IReadOnlyList<RecordedAttachment> files)
    {
        if (body.ContainsKey("content"))
        {
            message.Content = Wire.GetString(body, "content") ?? string.Empty;
        }

        if (body.ContainsKey("embeds"))
        {
            message.Embeds = new JsonArray([.. (body["embeds"] as JsonArray ?? []).OfType<JsonObject>().Select(Embed)]);
        }

        if (body.ContainsKey("components"))
        {
            var components = (JsonArray?)(body["components"] as JsonArray)?.DeepClone() ?? [];
            AssignComponentIds(components);
            message.Components = components;
        }

        if (body.ContainsKey("attachments") || files.Count > 0)
        {
            message.Attachments = Attachments(message, body["attachments"] as JsonArray, files);
            message.Files.AddRange(files);
        }
    }

    private JsonArray Attachments(StoredMessage message, JsonArray? described, IReadOnlyList<RecordedAttachment> files)
    {
        var keptIds = described?.OfType<JsonObject>().Select(a => a["id"]?.ToString()).Where(id => id is not null).ToHashSet() ?? [];
        var result = new JsonArray();
        foreach (var existing in message.Attachments.OfType<JsonObject>())
        {
            if (described is null || keptIds.Contains(Wire.GetString(existing, "id")))
            {
                result.Add(existing.DeepClone());
            }
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var index = FileIndex(file.FieldName) ?? i;
            var description = described?.OfType<JsonObject>().FirstOrDefault(a => a["id"]?.ToString() == index.ToString(CultureInfo.InvariantCulture));
            var id = core.Ids.Next();
            var name = Wire.GetString(description ?? [], "filename") ?? file.FileName;
            var attachment = new JsonObject
            {
                ["id"] = id,
                ["filename"] = name,
                ["size"] = file.Content.Length,
                ["url"] = $"https://cdn.emulator.invalid/attachments/{message.Channel.Id}/{id}/{Uri.EscapeDataString(name)}",
                ["proxy_url"] = $"https://media.emulator.invalid/attachments/{message.Channel.Id}/{id}/{Uri.EscapeDataString(name)}",
                ["content_type"] = file.ContentType,
            };
            if (Wire.GetString(description ?? [], "description") is { } text)
            {
                attachment["description"] = text;
            }

            result.Add(attachment);
        }

        return result;
    }

    private static int? FileIndex(string fieldName) =>
        fieldName.StartsWith("files[", StringComparison.Ordinal) && fieldName.EndsWith(']')
        && int.TryParse(fieldName.AsSpan(6, fieldName.Length - 7), CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    private static JsonObject Embed(JsonObject requested)
    {
        var embed = (JsonObject)requested.DeepClone();
        embed["type"] ??= "rich";
        return embed;
    }

    /// <summary>Discord numbers components that have no <c>id</c> in tree order, skipping ids already taken.</summary>
    private static void AssignComponentIds(JsonArray components)
    {
        var all = new List<JsonObject>();
        Collect(components, all);
        var taken = all.Select(c => Wire.GetInteger(c, "id")).OfType<long>().ToHashSet();
        long next = 1;
        foreach (var component in all.Where(c => Wire.GetInteger(c, "id") is null))
        {
            while (taken.Contains(next))
            {
                next++;
            }

            component["id"] = next;
            taken.Add(next);
        }

        static void Collect(JsonNode? node, List<JsonObject> into)
        {
            if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Collect(item, into);
                }
            }
            else if (node is JsonObject component)
            {
                into.Add(component);
                foreach (var child in new[] { "components", "accessory", "component" })
                {
                    Collect(component[child], into);
                }
            }
        }
    }

    private static JsonObject Reference(ChannelRecord channel, string messageId)
    {
        var reference = new JsonObject { ["type"] = 0, ["channel_id"] = channel.Id, ["message_id"] = messageId };
        if (channel.GuildId is not null)
        {
            reference["guild_id"] = channel.GuildId;
        }

        return reference;
    }

    private static JsonObject Metadata(StoredInteraction interaction)
    {
        var metadata = new JsonObject
        {
            ["id"] = interaction.Id,
            ["type"] = interaction.Type,
            ["user"] = UserPayloads.User(interaction.User),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = interaction.Channel.GuildId ?? "0" },
        };
        if (interaction.Type == 2)
        {
            metadata["name"] = interaction.Name;
            metadata["command_type"] = 1;
        }

        if (interaction.SourceMessageId is not null)
        {
            metadata["interacted_message_id"] = interaction.SourceMessageId;
        }

        return metadata;
    }
}
