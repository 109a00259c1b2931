using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Payloads;

/// <summary>User objects (<c>resources/user.mdx</c> User Structure).</summary>
internal static class UserPayloads
{
    public static JsonObject User(EmulatedUser user)
    {
        var json = new JsonObject
        {
            ["id"] = user.Id,
            ["username"] = user.Username,
            ["global_name"] = user.GlobalName,
            ["discriminator"] = "0",
            ["avatar"] = null,
            ["public_flags"] = 0,
            ["flags"] = 0,
            ["banner"] = null,
            ["accent_color"] = null,
            ["avatar_decoration_data"] = null,
            ["collectibles"] = null,
            ["primary_guild"] = null,
        };
        if (user.IsBot)
        {
            json["bot"] = true;
        }

        return json;
    }

    /// <summary>The bot as it appears as a message author.</summary>
    public static JsonObject Bot(EmulatorOptions options) => new()
    {
        ["id"] = options.BotUserId,
        ["username"] = options.BotUsername,
        ["global_name"] = null,
        ["discriminator"] = "0000",
        ["avatar"] = null,
        ["bot"] = true,
        ["public_flags"] = 0,
        ["flags"] = 0,
        ["banner"] = null,
        ["accent_color"] = null,
        ["avatar_decoration_data"] = null,
        ["collectibles"] = null,
        ["primary_guild"] = null,
    };

    /// <summary>The bot as <c>GET /users/@me</c> and READY describe it.</summary>
    public static JsonObject CurrentBot(EmulatorOptions options)
    {
        var json = Bot(options);
        json["verified"] = true;
        json["mfa_enabled"] = false;
        json["email"] = null;
        json["locale"] = "en-US";
        json["premium_type"] = 0;
        return json;
    }
}
