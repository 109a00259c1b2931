namespace ChatCoach.Discord.Emulator.RateLimits;

/// <summary>A bucket's state as the response headers report it.</summary>
internal sealed record BucketState(string Hash, int Limit, int Remaining, DateTimeOffset ResetAt);

/// <summary>What the limiter decided for one request.</summary>
internal sealed record RateLimitDecision(
    RateLimitOutcome Outcome,
    BucketState? Bucket,
    bool Global = false,
    TimeSpan RetryAfter = default)
{
    public bool Allowed => Outcome == RateLimitOutcome.None;
}
