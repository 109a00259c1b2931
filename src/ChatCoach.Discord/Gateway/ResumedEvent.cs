namespace ChatCoach.Discord.Gateway;

/// <summary>A session was resumed; every missed event has been replayed before this one.</summary>
public sealed record ResumedEvent : GatewayEvent;
