namespace ChatCoach.Discord.Interactions;

/// <summary>Kinds of interaction (PROTOCOL.md §3.2).</summary>
public enum InteractionType
{
    /// <summary>HTTP endpoint health check; never arrives over the gateway.</summary>
    Ping = 1,

    /// <summary>A slash, user or message command.</summary>
    ApplicationCommand = 2,

    /// <summary>A button click or select choice.</summary>
    MessageComponent = 3,

    /// <summary>Autocomplete request while typing an option.</summary>
    ApplicationCommandAutocomplete = 4,

    /// <summary>A submitted modal.</summary>
    ModalSubmit = 5,
}
