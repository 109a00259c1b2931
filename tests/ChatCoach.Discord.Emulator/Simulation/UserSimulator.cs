using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Payloads;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Simulation;

/// <summary>
/// What simulated users do: write messages, click, select, run commands, submit modals. Each action
/// is checked against what a real user could do (the button exists and is enabled, the command is
/// registered and visible) so a test cannot make the emulator accept what Discord's client never sends.
/// </summary>
internal sealed class UserSimulator(EmulatorCore core)
{
    private static readonly string[] NestedKeys = ["components", "accessory", "component"];
    public async Task<string> SendMessageAsync(string userId, ChannelRecord channel, string content, bool authorIsBot, bool mentionBot,
        EmulatedAttachment? file = null)
    {
        // A user first seen as a bot stays one, so its later interactions carry "bot": true as Discord's do.
        var user = core.Users.GetOrAdd(userId, authorIsBot) with { IsBot = authorIsBot };
        var message = new StoredMessage
        {
            Id = core.Ids.Next(),
            Channel = channel,
            AuthorId = userId,
            Author = UserPayloads.User(user),
            ByBot = false,
            CreatedAt = core.Time.GetUtcNow(),
            Content = mentionBot ? $"<@{core.Options.BotUserId}> {content}" : content,
            Mentions = mentionBot ? [UserPayloads.Bot(core.Options)] : [],
            Attachments = file is null ? [] : [core.Attachments.Add(file)],
        };
        core.Messages.Add(message);
        await core.Events.MessageCreatedAsync(message.Id);
        return message.Id;
    }

    public Task<string> ClickButtonAsync(string userId, string messageId, string customId)
    {
        var (message, component) = FindComponent(userId, messageId, customId);
        if (Wire.GetInteger(component, "type") != 2 || Wire.GetInteger(component, "style") is 5 or 6)
        {
            throw new InvalidOperationException($"'{customId}' on message {messageId} is not a clickable button.");
        }

        var data = new JsonObject { ["component_type"] = 2, ["custom_id"] = customId, ["id"] = Wire.GetInteger(component, "id") ?? 0 };
        return DispatchAsync(userId, message, 3, data, customId);
    }

    public Task<string> SelectAsync(string userId, string messageId, string customId, IReadOnlyList<string> values)
    {
        var (message, component) = FindComponent(userId, messageId, customId);
        var type = Wire.GetInteger(component, "type");
        if (type is not (3 or 5 or 6 or 7 or 8))
        {
            throw new InvalidOperationException($"'{customId}' on message {messageId} is not a select menu.");
        }

        var min = Wire.GetInteger(component, "min_values") ?? 1;
        var max = Wire.GetInteger(component, "max_values") ?? 1;
        if (values.Count < min || values.Count > max)
        {
            throw new ArgumentException($"'{customId}' takes {min}..{max} values, not {values.Count}.", nameof(values));
        }

        if (type == 3)
        {
            var offered = (component["options"] as JsonArray ?? []).OfType<JsonObject>().Select(o => Wire.GetString(o, "value")).ToHashSet();
            if (values.FirstOrDefault(v => !offered.Contains(v)) is { } unknown)
            {
                throw new ArgumentException($"'{unknown}' is not an option of '{customId}'.", nameof(values));
            }
        }

        var data = new JsonObject
        {
            ["component_type"] = type,
            ["custom_id"] = customId,
            ["id"] = Wire.GetInteger(component, "id") ?? 0,
            ["values"] = new JsonArray([.. values.Select(v => (JsonNode)v)]),
        };
        return DispatchAsync(userId, message, 3, data, customId);
    }

    public async Task<string> SlashCommandAsync(string userId, string name, IReadOnlyList<CommandOptionValue> options, GuildInvocation? guild, bool groupDm = false)
    {
        var channel = groupDm ? core.Channels.GroupDmOf(userId) : guild is null ? core.Channels.DmWith(userId) : core.Channels.GuildChannel(guild.GuildId, guild.ChannelId);
        var command = FindCommand(name, guild, groupDm ? 2 : guild is null ? 1 : 0);
        if (command is null && core.Options.RequireRegisteredCommands)
        {
            var scope = guild is null ? "in DMs (global, contexts including 1)" : $"in guild {guild.GuildId}";
            throw new InvalidOperationException($"/{name} is not registered {scope}; the bot registered: {Registered(guild)}.");
        }

        if (guild is not null && command is not null && !guild.CommandPermissionOverride && !MayUse(guild.Permissions, command["default_member_permissions"]?.ToString()))
        {
            throw new InvalidOperationException($"/{name} needs default_member_permissions {command["default_member_permissions"]}; a member with {guild.Permissions} cannot see it (set CommandPermissionOverride to simulate an admin's override).");
        }

        var data = new CommandInvocation(core, guild).Data(command, name, options);
        return await DispatchAsync(userId, channel, guild, 2, data, name, sourceMessageId: null);
    }

    public Task<string> SubmitModalAsync(string userId, string interactionId, IReadOnlyDictionary<string, string> values)
    {
        var opened = core.Interactions.WithId(interactionId, i => i?.Modal is null ? null : new OpenedModal((JsonObject)i.Modal.DeepClone(), i.User.Id, i.Channel, i.SourceMessageId));
        if (opened is null || opened.UserId != userId)
        {
            throw new InvalidOperationException($"Interaction {interactionId} did not open a modal for user {userId}.");
        }

        var modal = opened.Modal;

        var nextId = 1;
        var components = new JsonArray();
        foreach (var field in (modal["components"] as JsonArray ?? []).OfType<JsonObject>())
        {
            components.Add(Submitted(field, values, ref nextId));
        }

        var customId = Wire.GetString(modal, "custom_id")!;
        var data = new JsonObject { ["custom_id"] = customId, ["components"] = components };
        var guild = opened.Channel.GuildId is { } guildId ? new GuildInvocation(guildId, opened.Channel.Id) : null;
        return DispatchAsync(userId, opened.Channel, guild, 5, data, customId, opened.SourceMessageId);
    }

    private static JsonObject Submitted(JsonObject field, IReadOnlyDictionary<string, string> values, ref int nextId)
    {
        var type = Wire.GetInteger(field, "type");
        var submitted = new JsonObject { ["type"] = type, ["id"] = Wire.GetInteger(field, "id") ?? nextId++ };
        switch (type)
        {
            case 18 when field["component"] is JsonObject inner:
                submitted["component"] = Input(inner, values, ref nextId);
                break;
            case 1:
                var row = new JsonArray();
                foreach (var inner in (field["components"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    row.Add(Input(inner, values, ref nextId));
                }

                submitted["components"] = row;
                break;
            default:
                break;
        }

        return submitted;
    }

    private static JsonObject Input(JsonObject input, IReadOnlyDictionary<string, string> values, ref int nextId)
    {
        var customId = Wire.GetString(input, "custom_id") ?? string.Empty;
        var required = input["required"] is not JsonValue r || !r.TryGetValue<bool>(out var isRequired) || isRequired;
        values.TryGetValue(customId, out var value);
        if (required && string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"Modal field '{customId}' is required.", nameof(values));
        }

        var result = new JsonObject { ["type"] = Wire.GetInteger(input, "type"), ["id"] = Wire.GetInteger(input, "id") ?? nextId++, ["custom_id"] = customId };
        if (Wire.GetInteger(input, "type") == 4)
        {
            var text = value ?? string.Empty;
            if (text.Length > (Wire.GetInteger(input, "max_length") ?? 4000) || (text.Length > 0 && text.Length < (Wire.GetInteger(input, "min_length") ?? 0)))
            {
                throw new ArgumentException($"Modal field '{customId}': length {text.Length} is outside min_length/max_length.", nameof(values));
            }

            result["value"] = text;
        }
        else
        {
            result["values"] = new JsonArray([.. (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => (JsonNode)v)]);
        }

        return result;
    }

    private (StoredMessage Message, JsonObject Component) FindComponent(string userId, string messageId, string customId)
    {
        var f = core.Messages.Read(messageId, m => new FoundComponent(m, Find(m.Components, customId)?.DeepClone() as JsonObject, m.Channel, m.Flags, m.InteractionId));
        if (f is null)
        {
            throw new InvalidOperationException($"Message {messageId} does not exist (or was deleted).");
        }

        if (f.Channel.IsDm && f.Channel.RecipientId != userId)
        {
            throw new InvalidOperationException($"Message {messageId} is in another user's DM; user {userId} cannot see it.");
        }

        if ((f.Flags & 64) != 0 && core.Interactions.WithId(f.InteractionId ?? string.Empty, i => i?.User.Id) != userId)
        {
            throw new InvalidOperationException($"Message {messageId} is ephemeral for another user.");
        }

        if (f.Component is null)
        {
            throw new InvalidOperationException($"Message {messageId} has no component with custom_id '{customId}'.");
        }

        if (f.Component["disabled"] is JsonValue disabled && disabled.TryGetValue<bool>(out var isDisabled) && isDisabled)
        {
            throw new InvalidOperationException($"'{customId}' on message {messageId} is disabled.");
        }

        return (f.Message, f.Component);
    }

    private static JsonObject? Find(JsonNode? node, string customId)
    {
        switch (node)
        {
            case JsonArray array:
                return array.Select(item => Find(item, customId)).FirstOrDefault(c => c is not null);
            case JsonObject component:
                if (Wire.GetString(component, "custom_id") == customId)
                {
                    return component;
                }

                return NestedKeys.Select(k => Find(component[k], customId)).FirstOrDefault(c => c is not null);
            default:
                return null;
        }
    }

    private JsonObject? FindCommand(string name, GuildInvocation? guild, int context)
    {
        if (guild is not null && core.Commands.Find(guild.GuildId, name) is { } guildCommand)
        {
            return guildCommand;
        }

        var global = core.Commands.Find(null, name);
        if (global is null)
        {
            return null;
        }

        var contexts = (global["contexts"] as JsonArray)?.Select(c => c?.GetValue<int>()).ToList();
        var allowed = context switch
        {
            1 => contexts is null ? global["dm_permission"] is not JsonValue dm || !dm.TryGetValue<bool>(out var inDm) || inDm : contexts.Contains(1),
            2 => contexts?.Contains(2) == true,
            _ => contexts is null || contexts.Contains(0),
        };
        return allowed ? global : null;
    }

    private string Registered(GuildInvocation? guild)
    {
        var names = core.Commands.List(null).OfType<JsonObject>().Select(c => "/" + Wire.GetString(c, "name"));
        if (guild is not null)
        {
            names = names.Concat(core.Commands.List(guild.GuildId).OfType<JsonObject>().Select(c => $"/{Wire.GetString(c, "name")} (guild)"));
        }

        var list = string.Join(", ", names);
        return list.Length == 0 ? "nothing" : list;
    }

    /// <summary>Administrators see everything; "0" means administrators only; otherwise every listed bit is needed.</summary>
    private static bool MayUse(string memberPermissions, string? required)
    {
        if (required is null)
        {
            return true;
        }

        var member = ulong.Parse(memberPermissions, System.Globalization.CultureInfo.InvariantCulture);
        var needed = ulong.Parse(required, System.Globalization.CultureInfo.InvariantCulture);
        return (member & 8) != 0 || (needed != 0 && (member & needed) == needed);
    }

    private Task<string> DispatchAsync(string userId, StoredMessage message, int type, JsonObject data, string name)
    {
        var guild = message.Channel.GuildId is { } guildId ? new GuildInvocation(guildId, message.Channel.Id) : null;
        return DispatchAsync(userId, message.Channel, guild, type, data, name, message.Id);
    }

    private async Task<string> DispatchAsync(string userId, ChannelRecord channel, GuildInvocation? guild, int type, JsonObject data, string name, string? sourceMessageId)
    {
        var user = core.Users.GetOrAdd(userId);
        var id = core.Ids.Next();
        var token = "emu." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var message = sourceMessageId is null ? null : core.Messages.Json(sourceMessageId);
        var interaction = new StoredInteraction
        {
            Id = id,
            Token = token,
            Type = type,
            Channel = channel,
            User = user,
            Name = name,
            CreatedAt = core.Time.GetUtcNow(),
            SourceMessageId = sourceMessageId,
            Payload = InteractionPayloads.Build(id, token, type, data, channel, user, guild, message, core.Options.ApplicationId, core.StartedAt),
        };
        core.Interactions.Add(interaction);
        await core.Events.InteractionCreatedAsync(interaction);
        return id;
    }

    private sealed record OpenedModal(JsonObject Modal, string UserId, ChannelRecord Channel, string? SourceMessageId);

    private sealed record FoundComponent(StoredMessage Message, JsonObject? Component, ChannelRecord Channel, int Flags, string? InteractionId);
}
