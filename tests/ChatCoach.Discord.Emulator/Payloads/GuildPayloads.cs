using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Payloads;

/// <summary>Guild, member and channel objects.</summary>
internal static class GuildPayloads
{
    /// <summary>The bot's permissions in its own DM (PROTOCOL.md §3.1).</summary>
    public const string DmAppPermissions = "442368";

    /// <summary>What the bot may do in emulated guild channels (everything up to bit 31, minus ADMINISTRATOR).</summary>
    public const string GuildAppPermissions = "2147483639";

    public static JsonObject Member(EmulatedUser user, DateTimeOffset joinedAt, IReadOnlyList<string> roles, string? permissions, bool includeUser)
    {
        var json = new JsonObject
        {
            ["avatar"] = null,
            ["banner"] = null,
            ["communication_disabled_until"] = null,
            ["flags"] = 0,
            ["joined_at"] = Wire.Timestamp(joinedAt),
            ["nick"] = null,
            ["pending"] = false,
            ["premium_since"] = null,
            ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]),
            ["unusual_dm_activity_until"] = null,
            ["deaf"] = false,
            ["mute"] = false,
        };
        if (permissions is not null)
        {
            json["permissions"] = permissions;
        }

        if (includeUser)
        {
            json["user"] = UserPayloads.User(user);
        }

        return json;
    }

    public static JsonObject DmChannel(ChannelRecord channel, EmulatedUser recipient, string? lastMessageId) => new()
    {
        ["id"] = channel.Id,
        ["type"] = 1,
        ["last_message_id"] = lastMessageId,
        ["flags"] = 0,
        ["recipients"] = new JsonArray(UserPayloads.User(recipient)),
    };

    public static JsonObject GuildChannel(ChannelRecord channel) => new()
    {
        ["id"] = channel.Id,
        ["type"] = 0,
        ["guild_id"] = channel.GuildId,
        ["name"] = channel.Name,
        ["position"] = 0,
        ["flags"] = 0,
        ["parent_id"] = null,
        ["topic"] = null,
        ["nsfw"] = false,
        ["last_message_id"] = null,
        ["rate_limit_per_user"] = 0,
        ["permission_overwrites"] = new JsonArray(),
    };

    /// <summary>GUILD_CREATE <c>d</c>: a small guild with an @everyone role and its emulated channels.</summary>
    public static JsonObject GuildCreate(string guildId, IReadOnlyList<ChannelRecord> channels, string ownerId, DateTimeOffset joinedAt) => new()
    {
        ["id"] = guildId,
        ["name"] = $"Guild {guildId}",
        ["icon"] = null,
        ["splash"] = null,
        ["discovery_splash"] = null,
        ["banner"] = null,
        ["description"] = null,
        ["owner_id"] = ownerId,
        ["afk_channel_id"] = null,
        ["afk_timeout"] = 300,
        ["verification_level"] = 0,
        ["default_message_notifications"] = 0,
        ["explicit_content_filter"] = 0,
        ["mfa_level"] = 0,
        ["nsfw_level"] = 0,
        ["premium_tier"] = 0,
        ["premium_subscription_count"] = 0,
        ["preferred_locale"] = "en-US",
        ["system_channel_id"] = null,
        ["system_channel_flags"] = 0,
        ["rules_channel_id"] = null,
        ["public_updates_channel_id"] = null,
        ["safety_alerts_channel_id"] = null,
        ["vanity_url_code"] = null,
        ["application_id"] = null,
        ["max_members"] = 500000,
        ["max_video_channel_users"] = 25,
        ["premium_progress_bar_enabled"] = false,
        ["features"] = new JsonArray(),
        ["roles"] = new JsonArray(new JsonObject
        {
            ["id"] = guildId,
            ["name"] = "@everyone",
            ["color"] = 0,
            ["hoist"] = false,
            ["icon"] = null,
            ["unicode_emoji"] = null,
            ["position"] = 0,
            ["permissions"] = GuildInvocation.RegularMemberPermissions,
            ["managed"] = false,
            ["mentionable"] = false,
            ["flags"] = 0,
        }),
        ["emojis"] = new JsonArray(),
        ["stickers"] = new JsonArray(),
        ["joined_at"] = Wire.Timestamp(joinedAt),
        ["large"] = false,
        ["unavailable"] = false,
        ["member_count"] = 2,
        ["voice_states"] = new JsonArray(),
        ["members"] = new JsonArray(),
        ["channels"] = new JsonArray([.. channels.Select(c => (JsonNode)GuildChannel(c))]),
        ["threads"] = new JsonArray(),
        ["presences"] = new JsonArray(),
        ["stage_instances"] = new JsonArray(),
        ["guild_scheduled_events"] = new JsonArray(),
        ["soundboard_sounds"] = new JsonArray(),
    };
}
