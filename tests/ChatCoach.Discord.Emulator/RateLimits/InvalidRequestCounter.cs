namespace ChatCoach.Discord.Emulator.RateLimits;

/// <summary>
/// Discord's invalid-request limit (PROTOCOL.md): 401, 403 and 429 answers counted over a sliding 10 minutes; past
/// 10,000 Discord bans the IP for a while. The emulator counts them so a test can see what a client spent.
/// </summary>
internal sealed class InvalidRequestCounter
{
    /// <summary>The window Discord counts over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _times = new();

    public void Count(int status, DateTimeOffset at)
    {
        if (status is not (401 or 403 or 429))
        {
            return;
        }

        lock (_gate)
        {
            _times.Enqueue(at);
        }
    }

    /// <summary>How many invalid requests fall in the window ending at <paramref name="now"/>.</summary>
    public int InWindow(DateTimeOffset now)
    {
        lock (_gate)
        {
            while (_times.TryPeek(out var oldest) && oldest <= now - Window)
            {
                _times.Dequeue();
            }

            return _times.Count;
        }
    }
}
