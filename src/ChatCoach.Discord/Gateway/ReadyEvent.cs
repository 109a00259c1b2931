using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Gateway;

/// <summary>A new session started (after Identify).</summary>
/// <param name="User">The bot user; ignore messages it authored.</param>
/// <param name="ApplicationId">Needed for command registration and interaction follow-ups.</param>
/// <param name="SessionId">The gateway session id.</param>
public sealed record ReadyEvent(DiscordUser User, string? ApplicationId, string SessionId) : GatewayEvent;
