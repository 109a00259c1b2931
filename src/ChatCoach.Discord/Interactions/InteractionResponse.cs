using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Interactions;

/// <summary>The first answer to an interaction; must reach Discord within 3 s of the event.</summary>
public sealed record InteractionResponse
{
    private InteractionResponse(InteractionResponseType type, OutgoingMessage? message)
    {
        Type = type;
        Message = message;
    }

    /// <summary>Callback type.</summary>
    public InteractionResponseType Type { get; }

    /// <summary>Message data, if the type carries any.</summary>
    public OutgoingMessage? Message { get; }

    /// <summary>Type 4: reply now. Set <see cref="MessageFlags.Ephemeral"/> to show it to the invoker only.</summary>
    public static InteractionResponse Reply(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(InteractionResponseType.ChannelMessageWithSource, message);
    }

    /// <summary>Type 5: "thinking…"; ephemerality is fixed here and cannot change later.</summary>
    public static InteractionResponse Defer(bool ephemeral = false) =>
        new(InteractionResponseType.DeferredChannelMessageWithSource,
            ephemeral ? new OutgoingMessage { Flags = MessageFlags.Ephemeral } : null);

    /// <summary>Type 6: acknowledge a component interaction without changing anything yet.</summary>
    public static InteractionResponse DeferUpdate() => new(InteractionResponseType.DeferredUpdateMessage, null);

    /// <summary>Type 7: replace the message the component is on.</summary>
    public static InteractionResponse UpdateMessage(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(InteractionResponseType.UpdateMessage, message);
    }
}
