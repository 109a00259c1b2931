using System.Globalization;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Messages;
using ChatCoach.Discord.Emulator.Schema;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Rest.Routes;

/// <summary>
/// <c>POST /interactions/{id}/{token}/callback</c> (PROTOCOL.md §3.6–3.7): one initial response per
/// interaction, within the deadline, of a type valid for that interaction.
/// </summary>
internal sealed class InteractionRoutes(EmulatorCore core, MessageComposer composer)
{
    public void Register(RouteTable table) => table.Map("POST", "/interactions/{interaction_id}/{interaction_token}/callback", Callback);

    private RestResult Callback(RestCall call) =>
        Answer(call.Param("interaction_id"), call.Param("interaction_token"), call.BodyObject, call.Files, call.Now, call.QueryFlag("with_response"));

    /// <summary>
    /// An interaction's initial response, from the callback route or from the HTTP response of an interactions
    /// endpoint: the same rules either way. Call under <see cref="EmulatorCore.Gate"/>.
    /// </summary>
    public RestResult Answer(string interactionId, string token, JsonObject body, IReadOnlyList<RecordedAttachment> files, DateTimeOffset now, bool withResponse)
    {
        var type = (int)(Wire.GetInteger(body, "type") ?? -1);
        var data = body["data"] as JsonObject ?? [];
        var messageCheck = type switch
        {
            4 => MessageRules.Check(data, files.Count, isEdit: false),
            7 => MessageRules.Check(data, files.Count, isEdit: true),
            _ => null,
        };

        return core.Interactions.WithId(interactionId, interaction =>
        {
            if (interaction is null || interaction.Token != token)
            {
                return DiscordErrors.UnknownInteraction();
            }

            if (interaction.CallbackType is not null)
            {
                interaction.RejectedCallbacks++;
                return DiscordErrors.AlreadyAcknowledged();
            }

            var age = now - interaction.CreatedAt;
            if (age > core.Options.InteractionResponseDeadline)
            {
                interaction.RejectedCallbacks++;
                return DiscordErrors.UnknownInteraction(ViolationKind.LateInteractionResponse) with
                {
                    ViolationDetail = $"interaction {interaction.Id} answered after {age.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms (deadline {core.Options.InteractionResponseDeadline.TotalMilliseconds} ms)",
                };
            }

            if (!IsValidFor(interaction, type))
            {
                var errors = new FormErrors();
                errors.Add("/type", "INTERACTION_CALLBACK_TYPE_INVALID", $"Callback type {type} is not valid for interaction type {interaction.Type}.");
                return RestResult.InvalidForm(errors);
            }

            if (messageCheck is not null)
            {
                return messageCheck;
            }

            interaction.CallbackType = type;
            interaction.CallbackAt = now;
            Acknowledge(interaction, type, data, files, now);
            return withResponse ? RestResult.Ok(CallbackResponse(interaction, type)) : RestResult.NoContent();
        });
    }

    private void Acknowledge(StoredInteraction interaction, int type, JsonObject data, IReadOnlyList<RecordedAttachment> files, DateTimeOffset now)
    {
        var responseType = interaction.Type == 2 ? 20 : 0;
        switch (type)
        {
            case 4:
                Respond(interaction, composer.Create(interaction.Channel, data, files, now, new MessageDraft(MessageOrigin.InteractionResponse, responseType, interaction)));
                break;
            case 5:
                var deferred = new JsonObject { ["flags"] = (Wire.GetInteger(data, "flags") ?? 0) & 64 };
                Respond(interaction, composer.Create(interaction.Channel, deferred, [], now, new MessageDraft(MessageOrigin.InteractionResponse, responseType, interaction, ExtraFlags: 128)));
                break;
            case 6:
                interaction.ResponseMessageId = interaction.SourceMessageId;
                break;
            case 7:
                interaction.ResponseMessageId = interaction.SourceMessageId;
                if (interaction.SourceMessageId is { } source && core.Messages.Edit(source, now, m => composer.Edit(m, data, files)) is not null)
                {
                    _ = core.Events.MessageUpdatedAsync(source);
                }

                break;
            case 9:
                interaction.Modal = (JsonObject)data.DeepClone();
                break;
            default:
                break;
        }
    }

    private void Respond(StoredInteraction interaction, StoredMessage message)
    {
        core.Messages.Add(message);
        interaction.ResponseMessageId = message.Id;
        _ = core.Events.MessageCreatedAsync(message.Id);
    }

    /// <summary>Which callbacks each interaction type accepts (PROTOCOL.md §3.6 table).</summary>
    private static bool IsValidFor(StoredInteraction interaction, int type) => interaction.Type switch
    {
        2 => type is 4 or 5 or 9,
        3 => type is 4 or 5 or 6 or 7 or 9,
        4 => type is 8,
        5 => type is 4 or 5 || (type is 6 or 7 && interaction.SourceMessageId is not null),
        _ => false,
    };

    private JsonObject CallbackResponse(StoredInteraction interaction, int type)
    {
        var message = interaction.ResponseMessageId is { } id && type is 4 or 5 or 7 ? core.Messages.Json(id) : null;
        var summary = new JsonObject { ["id"] = interaction.Id, ["type"] = interaction.Type };
        var resource = new JsonObject { ["type"] = type };
        if (message is not null)
        {
            var flags = (int)(Wire.GetInteger(message, "flags") ?? 0);
            summary["response_message_id"] = Wire.GetString(message, "id");
            summary["response_message_loading"] = (flags & 128) != 0;
            summary["response_message_ephemeral"] = (flags & 64) != 0;
            resource["message"] = message;
        }

        return new JsonObject { ["interaction"] = summary, ["resource"] = resource };
    }
}
