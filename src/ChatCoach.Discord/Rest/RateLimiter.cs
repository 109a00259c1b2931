using System.Collections.Concurrent;

namespace ChatCoach.Discord.Rest;

// Per-bucket and global rate limiting (PROTOCOL.md §7.4), driven by response headers, never by hard-coded limits
// except the documented 50 requests/s global ceiling.
internal sealed class RateLimiter : IDisposable
{
    private const int GlobalPerSecond = 50;

    // Every DM channel is its own bucket; idle ones are dropped so a bot with many users does not grow forever.
    private const int PruneThreshold = 5_000;

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, string> _bucketHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();
    private DateTimeOffset _globalBlockedUntil;
    private DateTimeOffset _windowStart;
    private int _windowCount;
    private int _acquisitions;

    public RateLimiter(TimeProvider time) => _time = time;

    public int BucketCount => _buckets.Count;

    public async Task<RateLimitBucket> AcquireAsync(Route route, CancellationToken cancellationToken)
    {
        if (_buckets.Count > PruneThreshold && Interlocked.Increment(ref _acquisitions) % 1000 == 0)
        {
            Prune();
        }

        var bucket = _buckets.GetOrAdd(KeyFor(route), _ => new RateLimitBucket());
        await bucket.Gate.WaitAsync(cancellationToken);
        return bucket;
    }

    // Waits until the bucket (and, unless exempt, the global limit) allows one more request.
    public async Task WaitTurnAsync(RateLimitBucket bucket, Route route, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = _time.GetUtcNow();
            var wait = TimeSpan.Zero;
            if (bucket.Remaining is <= 0 && bucket.ResetAt > now)
            {
                wait = bucket.ResetAt - now;
            }

            if (!route.ExemptFromGlobalLimit)
            {
                var globalWait = TakeGlobalSlot(now);
                if (globalWait > wait)
                {
                    wait = globalWait;
                }
            }

            if (wait <= TimeSpan.Zero)
            {
                if (bucket.Remaining is <= 0)
                {
                    // The window is over; the next response will tell the new remaining.
                    bucket.Remaining = null;
                }

                return;
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    public void Update(RateLimitBucket bucket, Route route, RateLimitHeaders headers)
    {
        if (headers.Bucket is { Length: > 0 } hash)
        {
            _bucketHashes[route.Template] = hash;
        }

        if (headers.Remaining is { } remaining && headers.ResetAfter is { } resetAfter)
        {
            var resetAt = _time.GetUtcNow() + resetAfter;
            Apply(bucket, remaining, resetAt);

            // Once the hash is known, later requests use the hash-based key; seed it so they see this answer.
            var current = _buckets.GetOrAdd(KeyFor(route), _ => new RateLimitBucket());
            if (!ReferenceEquals(current, bucket) && current.Gate.Wait(0))
            {
                try
                {
                    Apply(current, remaining, resetAt);
                }
                finally
                {
                    current.Gate.Release();
                }
            }
        }
    }

    public void BlockBucket(RateLimitBucket bucket, TimeSpan retryAfter)
    {
        bucket.Remaining = 0;
        bucket.ResetAt = _time.GetUtcNow() + retryAfter;
    }

    public void BlockGlobal(TimeSpan retryAfter)
    {
        var until = _time.GetUtcNow() + retryAfter;
        lock (_globalLock)
        {
            if (until > _globalBlockedUntil)
            {
                _globalBlockedUntil = until;
            }
        }
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }

    public void Prune()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, bucket) in _buckets)
        {
            // Idle and past its window: its state says nothing any more. Not disposed, in case a caller just fetched it.
            if (bucket.Gate.CurrentCount == 1 && bucket.ResetAt <= now)
            {
                _buckets.TryRemove(new KeyValuePair<string, RateLimitBucket>(key, bucket));
            }
        }
    }

    private static void Apply(RateLimitBucket bucket, int remaining, DateTimeOffset resetAt)
    {
        bucket.Remaining = remaining;
        bucket.ResetAt = resetAt;
    }

    // Returns how long to wait; zero means a slot was taken.
    private TimeSpan TakeGlobalSlot(DateTimeOffset now)
    {
        lock (_globalLock)
        {
            if (_globalBlockedUntil > now)
            {
                return _globalBlockedUntil - now;
            }

            if (now - _windowStart >= TimeSpan.FromSeconds(1))
            {
                _windowStart = now;
                _windowCount = 0;
            }

            if (_windowCount < GlobalPerSecond)
            {
                _windowCount++;
                return TimeSpan.Zero;
            }

            return _windowStart + TimeSpan.FromSeconds(1) - now;
        }
    }

    private string KeyFor(Route route)
    {
        // Key = bucket hash + the route's major parameters once Discord told us the hash, else the route key.
        return _bucketHashes.TryGetValue(route.Template, out var hash)
            ? hash + " " + route.MajorParameters
            : route.Key;
    }
}
