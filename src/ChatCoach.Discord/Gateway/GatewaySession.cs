namespace ChatCoach.Discord.Gateway;

// What survives a reconnect: enough to resume, plus the bot's own id for filtering its messages.
internal sealed class GatewaySession
{
    // Dispatches handed to the consumer whose work has not finished: another process resumes from before the first.
    private readonly SortedSet<long> _unfinished = [];
    private readonly Lock _lock = new();

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

    /// <summary>
    /// What another process needs to resume this session. Its sequence is the last one whose work is done, not the
    /// last received: Discord replays everything after it, so an event this process had not finished is handled there
    /// (and one it did finish after all is a duplicate the store recognises).
    /// </summary>
    public GatewayResumeState Snapshot()
    {
        lock (_lock)
        {
            return new(SessionId, ResumeUrl?.ToString(), _unfinished.Count > 0 ? _unfinished.Min - 1 : LastSequence, BotUserId);
        }
    }

    /// <summary>A dispatch was handed to the consumer; its work is not done until <see cref="Finished"/>.</summary>
    public void Started(long sequence)
    {
        lock (_lock)
        {
            _unfinished.Add(sequence);
        }
    }

    /// <summary>The work of a dispatch is done (saved, or given up on), so a resume elsewhere need not replay it.</summary>
    public void Finished(long sequence)
    {
        lock (_lock)
        {
            _unfinished.Remove(sequence);
        }
    }

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
        lock (_lock)
        {
            _unfinished.Clear();
        }
    }
}
