using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Rest;

/// <summary>
/// Discord bans an IP for a while after 10,000 invalid requests (401, 403, 429) in 10 minutes, and the ban would
/// silence every user. This counts them over a sliding 10 minutes: at the warning threshold it logs once per window,
/// at the pause threshold every send but an interaction response waits until the window has slid below it.
/// </summary>
internal sealed partial class InvalidRequestBudget(int warnAt, int pauseAt, TimeProvider time, ILogger logger)
{
    /// <summary>The window Discord counts over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _invalid = new();
    private bool _warned;

    /// <summary>Counts an answer if it is an invalid request.</summary>
    public void Count(int status)
    {
        if (status is not (401 or 403 or 429))
        {
            return;
        }

        int count;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Slide(now);
            _invalid.Enqueue(now);
            count = _invalid.Count;
            if (count < warnAt || _warned)
            {
                return;
            }

            _warned = true;
        }

        LogWarn(count, pauseAt);
    }

    /// <summary>Waits while the pause threshold is reached; interaction responses never wait (their 3 s would pass).</summary>
    public async Task WaitAsync(bool interactionResponse, CancellationToken cancellationToken)
    {
        if (interactionResponse)
        {
            return;
        }

        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                Slide(now);
                if (_invalid.Count < pauseAt)
                {
                    return;
                }

                wait = _invalid.Peek() + Window - now;
            }

            LogPaused(wait);
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10), time, cancellationToken);
        }
    }

    /// <summary>How many invalid requests the window holds now.</summary>
    public int Current
    {
        get
        {
            lock (_gate)
            {
                Slide(time.GetUtcNow());
                return _invalid.Count;
            }
        }
    }

    private void Slide(DateTimeOffset now)
    {
        while (_invalid.TryPeek(out var oldest) && oldest <= now - Window)
        {
            _invalid.Dequeue();
        }

        if (_invalid.Count < warnAt)
        {
            _warned = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} invalid Discord requests (401, 403, 429) in 10 minutes; sends pause at {PauseAt}")]
    private partial void LogWarn(int count, int pauseAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many invalid Discord requests in 10 minutes: sends other than interaction responses wait {Wait}")]
    private partial void LogPaused(TimeSpan wait);
}
