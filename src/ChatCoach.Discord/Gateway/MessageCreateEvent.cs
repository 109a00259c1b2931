using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Gateway;

/// <summary>A message was posted where the bot can see it.</summary>
/// <param name="Message">The message.</param>
/// <param name="IsDirectMessage">True when it was sent in a DM with the bot (PROTOCOL.md §2.1).</param>
/// <param name="IsFromUser">False for the bot's own messages, other bots, webhooks and system messages.</param>
public sealed record MessageCreateEvent(DiscordMessage Message, bool IsDirectMessage, bool IsFromUser) : GatewayEvent;
