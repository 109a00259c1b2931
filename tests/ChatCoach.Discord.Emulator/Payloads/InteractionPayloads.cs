using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Payloads;

/// <summary>
/// Interaction objects (PROTOCOL.md §3.1), shaped like the <c>interaction_create_*</c> fixtures:
/// <c>user</c> and context 1 in the bot's DM, <c>member</c> (with permissions) and context 0 in a guild,
/// <c>user</c> and context 2 in a group DM the bot is not part of (a user-installed app).
/// </summary>
internal static class InteractionPayloads
{
    public static JsonObject Build(
        string id,
        string token,
        int type,
        JsonObject data,
        ChannelRecord channel,
        EmulatedUser user,
        GuildInvocation? guild,
        JsonObject? message,
        string applicationId,
        DateTimeOffset joinedAt)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = applicationId,
            ["type"] = type,
            ["data"] = data,
            ["channel_id"] = channel.Id,
            ["token"] = token,
            ["version"] = 1,
            ["locale"] = "en-US",
            ["entitlements"] = new JsonArray(),
            ["attachment_size_limit"] = 10485760,
        };
        if (message is not null)
        {
            json["message"] = message;
        }

        if (channel.IsOthersPrivateChannel)
        {
            json["channel"] = new JsonObject
            {
                ["id"] = channel.Id,
                ["type"] = 3,
                ["name"] = channel.Name,
                ["flags"] = 0,
                ["recipients"] = new JsonArray(UserPayloads.User(user)),
            };
            json["user"] = UserPayloads.User(user);
            json["app_permissions"] = GuildPayloads.DmAppPermissions;
            json["authorizing_integration_owners"] = new JsonObject { ["1"] = user.Id };
            json["context"] = 2;
            return json;
        }

        if (channel.GuildId is null)
        {
            json["channel"] = GuildPayloads.DmChannel(channel, user, null);
            json["user"] = UserPayloads.User(user);
            json["app_permissions"] = GuildPayloads.DmAppPermissions;
            json["authorizing_integration_owners"] = new JsonObject { ["0"] = "0" };
            json["context"] = 1;
            return json;
        }

        var invocation = guild ?? new GuildInvocation(channel.GuildId);
        json["guild_id"] = channel.GuildId;
        json["guild"] = new JsonObject { ["id"] = channel.GuildId, ["locale"] = "en-US", ["features"] = new JsonArray() };
        json["channel"] = GuildPayloads.GuildChannel(channel);
        json["member"] = GuildPayloads.Member(user, joinedAt, invocation.RoleIds ?? [], invocation.Permissions, includeUser: true);
        json["app_permissions"] = GuildPayloads.GuildAppPermissions;
        json["guild_locale"] = "en-US";
        json["authorizing_integration_owners"] = new JsonObject { ["0"] = channel.GuildId };
        json["context"] = 0;
        return json;
    }
}
