namespace ChatCoach.Discord.Interactions;

/// <summary>Interaction callback types ChatCoach uses (PROTOCOL.md §3.6).</summary>
public enum InteractionResponseType
{
    /// <summary>Reply with a message now.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>Show "thinking…"; edit the original response later.</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>Acknowledge a component click silently; edit its message later.</summary>
    DeferredUpdateMessage = 6,

    /// <summary>Edit the message the clicked component is on.</summary>
    UpdateMessage = 7,
}
