namespace ChatCoach.Discord.Gateway;

internal static class Backoff
{
    // Exponential, capped, with "equal jitter": the result lies in [d/2, d) where d = min(max, min·2^attempt),
    // so reconnecting shards spread out but never wait less than half the nominal delay.
    public static TimeSpan Compute(int attempt, TimeSpan min, TimeSpan max, double random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var exponent = Math.Min(attempt, 30);
        var nominal = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, exponent));
        var jitter = Math.Clamp(random, 0, 1);
        return TimeSpan.FromMilliseconds((nominal / 2) + (jitter * nominal / 2));
    }

    public static TimeSpan Between(TimeSpan min, TimeSpan max, double random) =>
        min + TimeSpan.FromMilliseconds(Math.Clamp(random, 0, 1) * (max - min).TotalMilliseconds);
}
