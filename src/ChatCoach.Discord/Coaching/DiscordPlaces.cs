using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// Where an interaction happened decides who can read the answer. Only the bot's own DM with the user (context 1)
/// is private by nature; in a server (0) and in group DMs or DMs between other people (2) every answer is
/// ephemeral and goes through the interaction, never as a channel message (the bot may not even see the channel).
/// </summary>
internal static class DiscordPlaces
{
    public static bool InBotDm(Interaction interaction) => interaction.IsDirectMessage;

    public static MessageFlags Visibility(Interaction interaction) => InBotDm(interaction) ? MessageFlags.None : MessageFlags.Ephemeral;
}
