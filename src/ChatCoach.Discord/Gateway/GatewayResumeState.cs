using System.Text.Json.Serialization;

namespace ChatCoach.Discord.Gateway;

/// <summary>A gateway session as kept with its shard's lease, so the next holder resumes it instead of identifying anew.</summary>
internal sealed record GatewayResumeState(
    [property: JsonPropertyName("session_id")] string? SessionId,
    [property: JsonPropertyName("resume_url")] string? ResumeUrl,
    [property: JsonPropertyName("seq")] long? Sequence,
    [property: JsonPropertyName("bot_user_id")] string? BotUserId);
