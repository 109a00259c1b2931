namespace ChatCoach.Discord.Interactions;

/// <summary>A fixed choice of a command option; <see cref="Value"/> is a string, integer or double.</summary>
/// <param name="Name">Shown to the user (1–100).</param>
/// <param name="Value">Sent back in the interaction.</param>
public sealed record ApplicationCommandChoice(string Name, object Value);
