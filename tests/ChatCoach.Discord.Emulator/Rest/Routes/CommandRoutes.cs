using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Messages;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Rest.Routes;

/// <summary>Global and guild application commands (PROTOCOL.md §4.1); bulk overwrites are recorded.</summary>
internal sealed class CommandRoutes(EmulatorCore core)
{
    private const string Global = "/applications/{application_id}/commands";
    private const string Guild = "/applications/{application_id}/guilds/{guild_id}/commands";

    public void Register(RouteTable table)
    {
        foreach (var scope in new[] { Global, Guild })
        {
            table
                .Map("GET", scope, call => Scoped(call, guildId => RestResult.Ok(core.Commands.List(guildId))))
                .Map("PUT", scope, call => Scoped(call, guildId => Overwrite(call, guildId)))
                .Map("POST", scope, call => Scoped(call, guildId => Create(call, guildId)))
                .Map("GET", scope + "/{command_id}", call => Scoped(call, guildId => Get(call, guildId)))
                .Map("PATCH", scope + "/{command_id}", call => Scoped(call, guildId => Patch(call, guildId)))
                .Map("DELETE", scope + "/{command_id}", call => Scoped(call, guildId =>
                    core.Commands.Delete(guildId, call.Param("command_id")) ? RestResult.NoContent() : DiscordErrors.UnknownCommand()));
        }
    }

    private RestResult Scoped(RestCall call, Func<string?, RestResult> action)
    {
        if (call.Param("application_id") != core.Options.ApplicationId)
        {
            return DiscordErrors.MissingAccess();
        }

        return action(call.Route.Parameters.TryGetValue("guild_id", out var guildId) ? guildId : null);
    }

    private RestResult Overwrite(RestCall call, string? guildId)
    {
        var commands = call.Body as JsonArray ?? [];
        if (CommandRules.CheckAll(commands) is { } errors)
        {
            return RestResult.InvalidForm(errors);
        }

        return RestResult.Ok(core.Commands.Overwrite(guildId, commands, call.Now));
    }

    private RestResult Create(RestCall call, string? guildId)
    {
        if (CommandRules.CheckOne(call.BodyObject) is { } errors)
        {
            return RestResult.InvalidForm(errors);
        }

        var (command, created) = core.Commands.Upsert(guildId, call.BodyObject);
        return created ? RestResult.Created(command) : RestResult.Ok(command);
    }

    private RestResult Get(RestCall call, string? guildId) =>
        core.Commands.Find(guildId, call.Param("command_id")) is { } command && Wire.GetString(command, "id") == call.Param("command_id")
            ? RestResult.Ok(command)
            : DiscordErrors.UnknownCommand();

    private RestResult Patch(RestCall call, string? guildId)
    {
        if (core.Commands.Find(guildId, call.Param("command_id")) is not { } stored || Wire.GetString(stored, "id") != call.Param("command_id"))
        {
            return DiscordErrors.UnknownCommand();
        }

        foreach (var (key, value) in call.BodyObject)
        {
            stored[key] = value?.DeepClone();
        }

        if (CommandRules.CheckOne(stored) is { } errors)
        {
            return RestResult.InvalidForm(errors);
        }

        return RestResult.Ok(core.Commands.Upsert(guildId, stored).Command);
    }
}
