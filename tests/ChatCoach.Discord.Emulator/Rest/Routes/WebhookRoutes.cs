using ChatCoach.Discord.Emulator.Messages;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Rest.Routes;

/// <summary>
/// Interaction webhooks (PROTOCOL.md §3.8): follow-ups and <c>@original</c>, usable once the
/// interaction is acknowledged and until its token expires.
/// </summary>
internal sealed class WebhookRoutes(EmulatorCore core, MessageComposer composer)
{
    private const string Base = "/webhooks/{webhook_id}/{webhook_token}";

    public void Register(RouteTable table) => table
        .Map("POST", Base, FollowUp)
        .Map("GET", Base + "/messages/@original", call => Probe(WithInteraction(call, i => Get(i.ResponseMessageId))))
        .Map("PATCH", Base + "/messages/@original", call => WithInteraction(call, i => Edit(call, i.ResponseMessageId)))
        .Map("DELETE", Base + "/messages/@original", call => WithInteraction(call, i => Delete(i.ResponseMessageId)))
        .Map("GET", Base + "/messages/{message_id}", call => WithInteraction(call, i => Get(Owned(i, call.Param("message_id")))))
        .Map("PATCH", Base + "/messages/{message_id}", call => WithInteraction(call, i => Edit(call, Owned(i, call.Param("message_id")))))
        .Map("DELETE", Base + "/messages/{message_id}", call => WithInteraction(call, i => Delete(Owned(i, call.Param("message_id")))));

    /// <summary>
    /// Reading <c>@original</c> is how a client learns whether an answer it is unsure of landed (after a 5xx or a
    /// dropped connection): "not there" is an answer, not a mistake of the client.
    /// </summary>
    private static RestResult Probe(RestResult result) => result.Status == 404 ? result with { Violation = null } : result;

    private RestResult WithInteraction(RestCall call, Func<StoredInteraction, RestResult> action)
    {
        if (call.Param("webhook_id") != core.Options.ApplicationId)
        {
            return DiscordErrors.UnknownWebhook();
        }

        return core.Interactions.WithToken(call.Param("webhook_token"), interaction =>
        {
            if (interaction?.CallbackType is null)
            {
                return DiscordErrors.UnknownWebhook();
            }

            return call.Now - interaction.CreatedAt > core.Options.InteractionTokenLifetime ? DiscordErrors.InvalidWebhookToken() : action(interaction);
        });
    }

    private RestResult FollowUp(RestCall call) => WithInteraction(call, interaction =>
    {
        var body = call.BodyObject;
        if (MessageRules.Check(body, call.Files.Count, isEdit: false) is { } rejected)
        {
            return rejected;
        }

        // Deprecated but real: a follow-up while a deferred response is still loading fills that placeholder.
        if (interaction.CallbackType == 5 && interaction.ResponseMessageId is { } original
            && core.Messages.Read(original, m => (m.Flags & 128) != 0 ? m : null) is not null)
        {
            return Edit(call, original);
        }

        var message = composer.Create(interaction.Channel, body, call.Files, call.Now, new MessageDraft(MessageOrigin.FollowUp, 0, interaction));
        core.Messages.Add(message);
        _ = core.Events.MessageCreatedAsync(message.Id);
        return RestResult.Ok(core.Messages.Json(message.Id)!);
    });

    private string? Owned(StoredInteraction interaction, string messageId) =>
        messageId == interaction.ResponseMessageId || core.Messages.Read(messageId, m => m.InteractionId == interaction.Id ? m : null) is not null
            ? messageId
            : null;

    private RestResult Get(string? messageId) =>
        messageId is not null && core.Messages.Json(messageId) is { } json ? RestResult.Ok(json) : DiscordErrors.UnknownMessage();

    private RestResult Edit(RestCall call, string? messageId)
    {
        if (messageId is null)
        {
            return DiscordErrors.UnknownMessage();
        }

        var body = call.BodyObject;
        if (MessageRules.Check(body, call.Files.Count, isEdit: true) is { } rejected)
        {
            return rejected;
        }

        if (core.Messages.Edit(messageId, call.Now, m => composer.Edit(m, body, call.Files)) is null)
        {
            return DiscordErrors.UnknownMessage();
        }

        _ = core.Events.MessageUpdatedAsync(messageId);
        return RestResult.Ok(core.Messages.Json(messageId)!);
    }

    private RestResult Delete(string? messageId)
    {
        var channel = messageId is null ? null : core.Messages.Read(messageId, m => m.Channel);
        if (channel is null || !core.Messages.Delete(messageId!))
        {
            return DiscordErrors.UnknownMessage();
        }

        _ = core.Events.MessageDeletedAsync(channel, messageId!);
        return RestResult.NoContent();
    }
}
