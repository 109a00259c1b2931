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

    /// <summary>What another process needs to resume this session.</summary>
    public GatewayResumeState Snapshot() => new(SessionId, ResumeUrl?.ToString(), LastSequence, BotUserId);

    /// <summary>Carries on from <paramref name="state"/>, a session another process left; with none, starts afresh.</summary>
    public void Restore(GatewayResumeState? state)
    {
        Reset();
        if (state is { SessionId: { } id, ResumeUrl: { } url } && Uri.TryCreate(url, UriKind.Absolute, out var resumeUrl))
        {
            Start(id, resumeUrl);
            LastSequence = state.Sequence;
            BotUserId = state.BotUserId;
        }
    }

    public void Reset()
    {
        SessionId = null;
        ResumeUrl = null;
        LastSequence = null;
    }
}
