using System.Globalization;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Messages;
using ChatCoach.Discord.Emulator.Payloads;
using ChatCoach.Discord.Emulator.Schema;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Rest.Routes;

/// <summary>Channels and their messages (PROTOCOL.md §6.2–6.3).</summary>
internal sealed class ChannelRoutes(EmulatorCore core, MessageComposer composer)
{
    private static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(5);

    public void Register(RouteTable table) => table
        .Map("GET", "/channels/{channel_id}", GetChannel)
        .Map("POST", "/channels/{channel_id}/typing", call => Channel(call) is null ? DiscordErrors.UnknownChannel() : RestResult.NoContent())
        .Map("GET", "/channels/{channel_id}/messages", ListMessages)
        .Map("POST", "/channels/{channel_id}/messages", CreateMessage)
        .Map("GET", "/channels/{channel_id}/messages/{message_id}", GetMessage)
        .Map("PATCH", "/channels/{channel_id}/messages/{message_id}", EditMessage)
        .Map("DELETE", "/channels/{channel_id}/messages/{message_id}", DeleteMessage);

    private ChannelRecord? Channel(RestCall call) => core.Channels.Find(call.Param("channel_id"));

    private RestResult GetChannel(RestCall call)
    {
        if (Channel(call) is not { } channel)
        {
            return DiscordErrors.UnknownChannel();
        }

        return RestResult.Ok(channel.IsDm
            ? GuildPayloads.DmChannel(channel, core.Users.GetOrAdd(channel.RecipientId!), null)
            : GuildPayloads.GuildChannel(channel));
    }

    private RestResult ListMessages(RestCall call)
    {
        if (Channel(call) is not { } channel)
        {
            return DiscordErrors.UnknownChannel();
        }

        var limit = int.TryParse(call.QueryValue("limit"), CultureInfo.InvariantCulture, out var requested) ? Math.Clamp(requested, 1, 100) : 50;
        return RestResult.Ok(core.Messages.ListJson(channel.Id, limit));
    }

    private RestResult CreateMessage(RestCall call)
    {
        if (Channel(call) is not { } channel)
        {
            return DiscordErrors.UnknownChannel();
        }

        if (channel.IsOthersPrivateChannel)
        {
            return DiscordErrors.MissingAccess();
        }

        if (channel.IsDm && !core.Users.AcceptsDirectMessages(channel.RecipientId!))
        {
            return DiscordErrors.CannotMessageUser();
        }

        var body = call.BodyObject;
        if (MessageRules.Check(body, call.Files.Count, isEdit: false) is { } rejected)
        {
            return rejected;
        }

        if (body["enforce_nonce"] is JsonValue enforce && enforce.TryGetValue<bool>(out var enforced) && enforced && body["nonce"] is { } nonce
            && core.Messages.FindByNonce(channel.Id, nonce, call.Now - NonceWindow) is { } earlier)
        {
            return RestResult.Ok(core.Messages.Json(earlier)!);
        }

        string? referenced = null;
        if (body["message_reference"] is JsonObject reference && Wire.GetString(reference, "message_id") is { } referencedId)
        {
            var exists = core.Messages.Read(referencedId, m => m.Channel.Id == channel.Id ? m : null) is not null;
            var mustExist = reference["fail_if_not_exists"] is not JsonValue fail || !fail.TryGetValue<bool>(out var failValue) || failValue;
            if (!exists && mustExist)
            {
                var errors = new FormErrors();
                errors.Add("/message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
                return RestResult.InvalidForm(errors);
            }

            referenced = exists ? referencedId : null;
        }

        var message = composer.Create(channel, body, call.Files, call.Now, new MessageDraft(MessageOrigin.ChannelMessage, 0), referenced);
        core.Messages.Add(message);
        _ = core.Events.MessageCreatedAsync(message.Id);
        return RestResult.Ok(core.Messages.Json(message.Id)!);
    }

    private RestResult GetMessage(RestCall call)
    {
        var json = core.Messages.Read(call.Param("message_id"), m => m.Channel.Id == call.Param("channel_id") && (m.Flags & 64) == 0 ? MessagePayloads.Message(m) : null);
        return json is null ? DiscordErrors.UnknownMessage() : RestResult.Ok(json);
    }

    private RestResult EditMessage(RestCall call)
    {
        if (Channel(call) is { IsOthersPrivateChannel: true })
        {
            return DiscordErrors.MissingAccess();
        }

        var messageId = call.Param("message_id");
        var found = core.Messages.Read(messageId, m => m.Channel.Id == call.Param("channel_id") && (m.Flags & 64) == 0 ? m : null);
        if (found is null)
        {
            return DiscordErrors.UnknownMessage();
        }

        if (found.AuthorId != core.Options.BotUserId)
        {
            return DiscordErrors.CannotEditOthersMessage();
        }

        var body = call.BodyObject;
        if (MessageRules.Check(body, call.Files.Count, isEdit: true) is { } rejected)
        {
            return rejected;
        }

        core.Messages.Edit(messageId, call.Now, m => composer.Edit(m, body, call.Files));
        _ = core.Events.MessageUpdatedAsync(messageId);
        return RestResult.Ok(core.Messages.Json(messageId)!);
    }

    private RestResult DeleteMessage(RestCall call)
    {
        var messageId = call.Param("message_id");
        var found = core.Messages.Read(messageId, m => m.Channel.Id == call.Param("channel_id") && (m.Flags & 64) == 0 ? m : null);
        if (found is null)
        {
            return DiscordErrors.UnknownMessage();
        }

        if (found.AuthorId != core.Options.BotUserId && found.Channel.IsDm)
        {
            return RestResult.Error(403, 50003, "Cannot execute action on a DM channel");
        }

        core.Messages.Delete(messageId);
        _ = core.Events.MessageDeletedAsync(found.Channel, messageId);
        return RestResult.NoContent();
    }
}
