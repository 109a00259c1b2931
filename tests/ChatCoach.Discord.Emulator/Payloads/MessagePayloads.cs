using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Payloads;

/// <summary>Message objects (<c>resources/message.mdx</c>), as REST returns them and as MESSAGE_CREATE carries them.</summary>
internal static class MessagePayloads
{
    public static JsonObject Message(StoredMessage m)
    {
        var json = new JsonObject
        {
            ["type"] = m.Type,
            ["content"] = m.Content,
            ["mentions"] = Wire.Clone(m.Mentions),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = Wire.Clone(m.Attachments),
            ["embeds"] = Wire.Clone(m.Embeds),
            ["timestamp"] = Wire.Timestamp(m.CreatedAt),
            ["edited_timestamp"] = m.EditedAt is { } edited ? Wire.Timestamp(edited) : null,
            ["flags"] = m.Flags,
            ["components"] = Wire.Clone(m.Components),
            ["id"] = m.Id,
            ["channel_id"] = m.Channel.Id,
            ["author"] = Wire.Clone(m.Author),
            ["pinned"] = false,
            ["mention_everyone"] = false,
            ["tts"] = m.Tts,
        };
        if (m.Nonce is not null)
        {
            json["nonce"] = Wire.Clone(m.Nonce);
        }

        if (m.MessageReference is not null)
        {
            json["message_reference"] = Wire.Clone(m.MessageReference);
        }

        if (m.WebhookId is not null)
        {
            json["webhook_id"] = m.WebhookId;
        }

        if (m.ApplicationId is not null)
        {
            json["application_id"] = m.ApplicationId;
        }

        if (m.InteractionMetadata is not null)
        {
            json["interaction_metadata"] = Wire.Clone(m.InteractionMetadata);
        }

        return json;
    }

    /// <summary>The <c>d</c> of MESSAGE_CREATE / MESSAGE_UPDATE: the message plus gateway-only fields.</summary>
    public static JsonObject GatewayMessage(StoredMessage m, JsonObject? member, bool includeContent)
    {
        var json = Message(m);
        json["channel_type"] = m.Channel.Type;
        if (m.Channel.GuildId is not null && (m.Flags & 64) == 0)
        {
            json["guild_id"] = m.Channel.GuildId;
            if (member is not null)
            {
                json["member"] = member;
            }
        }

        if (!includeContent)
        {
            // Without MESSAGE_CONTENT these arrive empty (PROTOCOL.md §1.7).
            json["content"] = string.Empty;
            json["embeds"] = new JsonArray();
            json["attachments"] = new JsonArray();
            json["components"] = new JsonArray();
        }

        return json;
    }
}
