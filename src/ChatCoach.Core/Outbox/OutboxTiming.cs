namespace ChatCoach.Core.Outbox;

/// <summary>How long a row written with its turn waits before the retry sweeper may take it: the channel sends it at once.</summary>
public static class OutboxTiming
{
    /// <summary>The first send's lease.</summary>
    public static readonly TimeSpan FirstSendLease = TimeSpan.FromSeconds(10);
}
