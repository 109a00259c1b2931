namespace ChatCoach.Discord.Rest;

// State of one limiter key. The gate lets one request per key in flight, so the answer to one request
// (remaining, reset) is known before the next one goes out.
internal sealed class RateLimitBucket : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    // Only touched while holding Gate.
    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }

    public void Dispose() => Gate.Dispose();
}
