namespace ChatCoach.Discord.Gateway;

// What survives a reconnect: enough to resume, plus the bot's own id for filtering its messages.
internal sealed class GatewaySession
{
    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    public long? LastSequence { get; set; }

    public string? BotUserId { get; set; }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Start(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    public void Reset()
    {
        SessionId = null;
        ResumeUrl = null;
        LastSequence = null;
    }
}
