using ChatCoach.Discord.Interactions;

namespace ChatCoach.Discord.Gateway;

/// <summary>A slash command, button click or select choice; answer it within 3 s.</summary>
/// <param name="Interaction">The interaction.</param>
public sealed record InteractionCreateEvent(Interaction Interaction) : GatewayEvent;
