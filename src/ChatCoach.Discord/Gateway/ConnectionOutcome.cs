namespace ChatCoach.Discord.Gateway;

internal sealed record ConnectionOutcome(NextStep Next, ReconnectDelay Delay, string Reason, int? CloseCode = null)
{
    // READY or RESUMED arrived on this connection: the failure streak is over.
    public bool ReachedSession { get; init; }
}
