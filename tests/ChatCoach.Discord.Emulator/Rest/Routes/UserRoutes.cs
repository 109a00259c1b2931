using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Payloads;
using ChatCoach.Discord.Emulator.Schema;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Rest.Routes;

/// <summary>The bot user, other users, DM channels and the application object.</summary>
internal sealed class UserRoutes(EmulatorCore core)
{
    public void Register(RouteTable table) => table
        .Map("GET", "/users/@me", _ => RestResult.Ok(UserPayloads.CurrentBot(core.Options)))
        .Map("GET", "/users/{user_id}", GetUser)
        .Map("POST", "/users/@me/channels", CreateDm)
        .Map("GET", "/applications/@me", _ => RestResult.Ok(Application()))
        .Map("GET", "/oauth2/applications/@me", _ => RestResult.Ok(Application()));

    private RestResult GetUser(RestCall call)
    {
        var userId = call.Param("user_id");
        if (userId == core.Options.BotUserId)
        {
            return RestResult.Ok(UserPayloads.Bot(core.Options));
        }

        return Wire.IsSnowflake(userId) ? RestResult.Ok(UserPayloads.User(core.Users.GetOrAdd(userId))) : DiscordErrors.UnknownUser();
    }

    /// <summary>Opens (or returns the existing) DM channel; any snowflake is an emulated user.</summary>
    private RestResult CreateDm(RestCall call)
    {
        if (Wire.GetString(call.BodyObject, "recipient_id") is not { } recipientId)
        {
            var errors = new FormErrors();
            errors.Add("/recipient_id", "BASE_TYPE_REQUIRED", "This field is required");
            return RestResult.InvalidForm(errors);
        }

        if (recipientId == core.Options.BotUserId)
        {
            return RestResult.Error(400, 50007, "Cannot send messages to this user");
        }

        var user = core.Users.GetOrAdd(recipientId);
        var channel = core.Channels.DmWith(recipientId);
        return RestResult.Ok(GuildPayloads.DmChannel(channel, user, null));
    }

    private JsonObject Application() => new()
    {
        ["id"] = core.Options.ApplicationId,
        ["name"] = core.Options.BotUsername,
        ["icon"] = null,
        ["description"] = string.Empty,
        ["summary"] = string.Empty,
        ["type"] = null,
        ["hook"] = true,
        ["bot_public"] = true,
        ["bot_require_code_grant"] = false,
        ["verify_key"] = new string('0', 64),
        ["flags"] = core.Options.ApplicationFlags,
        ["bot"] = UserPayloads.Bot(core.Options),
        ["owner"] = UserPayloads.User(core.Users.GetOrAdd("80351110224678912")),
        ["team"] = null,
        ["approximate_guild_count"] = core.Options.GuildIds.Count,
        ["redirect_uris"] = new JsonArray(),
        ["interactions_endpoint_url"] = null,
        ["integration_types_config"] = new JsonObject { ["0"] = new JsonObject() },
    };
}
