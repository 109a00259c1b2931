using System.Security.Cryptography;
using System.Text;
using ChatCoach.Discord.Emulator.Schema;

namespace ChatCoach.Discord.Emulator.RateLimits;

/// <summary>
/// Discord's REST limits (PROTOCOL.md §7): per-route buckets keyed by bucket hash plus major
/// parameters, each a fixed window that starts with its first request, and a global per-second
/// limit that interaction callbacks and interaction webhooks are exempt from. Requests sent into an
/// exhausted bucket are answered 429 and reported as violations.
/// </summary>
internal sealed class RateLimiter(EmulatorOptions options)
{
    private static readonly string[] MajorParameters = ["channel_id", "guild_id", "webhook_id", "webhook_token", "interaction_id", "interaction_token"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly List<(RoutePrefix Target, TimeSpan RetryAfter, bool Global)> _injected = [];
    private DateTimeOffset _globalWindowStart = DateTimeOffset.MinValue;
    private int _globalCount;
    private DateTimeOffset _globalLockedUntil = DateTimeOffset.MinValue;

    public void InjectRateLimit(RoutePrefix target, TimeSpan retryAfter, bool global)
    {
        lock (_gate)
        {
            _injected.Add((target, retryAfter, global));
        }
    }

    public RateLimitDecision Acquire(string method, string relativePath, RouteMatch route, DateTimeOffset now)
    {
        var exemptFromGlobal = route.Template.StartsWith("/interactions/", StringComparison.Ordinal)
            || route.Template.StartsWith("/webhooks/{webhook_id}/{webhook_token}", StringComparison.Ordinal);
        lock (_gate)
        {
            var bucket = BucketFor(method, route);
            if (!exemptFromGlobal && _globalLockedUntil > now)
            {
                return new RateLimitDecision(RateLimitOutcome.Violation, null, Global: true, _globalLockedUntil - now);
            }

            var injected = _injected.FindIndex(i => i.Target.Matches(method, relativePath));
            if (injected >= 0)
            {
                var (_, retryAfter, global) = _injected[injected];
                _injected.RemoveAt(injected);
                if (global)
                {
                    _globalLockedUntil = now + retryAfter;
                    return new RateLimitDecision(RateLimitOutcome.Injected, null, Global: true, retryAfter);
                }

                bucket.LockUntil(now + retryAfter);
                return new RateLimitDecision(RateLimitOutcome.Injected, bucket.State(), RetryAfter: retryAfter);
            }

            if (!exemptFromGlobal)
            {
                if (now >= _globalWindowStart + TimeSpan.FromSeconds(1))
                {
                    _globalWindowStart = now;
                    _globalCount = 0;
                }

                if (_globalCount >= options.GlobalRateLimitPerSecond)
                {
                    return new RateLimitDecision(RateLimitOutcome.Violation, null, Global: true, _globalWindowStart + TimeSpan.FromSeconds(1) - now);
                }

                _globalCount++;
            }

            return bucket.TryConsume(now, out var wait)
                ? new RateLimitDecision(RateLimitOutcome.None, bucket.State())
                : new RateLimitDecision(RateLimitOutcome.Violation, bucket.State(), RetryAfter: wait);
        }
    }

    private Bucket BucketFor(string method, RouteMatch route)
    {
        var rule = options.RouteRateLimits.FirstOrDefault(r =>
            string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && r.Route == route.Template);
        var window = rule is null ? options.DefaultRouteRateLimit : new RateLimitWindow(rule.Limit, rule.Window);
        var hash = rule?.Bucket ?? Hash($"{method} {route.Template}");
        var key = hash + string.Concat(MajorParameters.Where(route.Parameters.ContainsKey).Select(p => ":" + route.Parameters[p]));
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket(hash, window.Limit, window.Window);
            _buckets[key] = bucket;
        }

        return bucket;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>One fixed window; only used under the limiter's lock.</summary>
    private sealed class Bucket(string hash, int limit, TimeSpan window)
    {
        private int _remaining;
        private DateTimeOffset _resetAt = DateTimeOffset.MinValue;

        public bool TryConsume(DateTimeOffset now, out TimeSpan wait)
        {
            if (now >= _resetAt)
            {
                _remaining = limit;
                _resetAt = now + window;
            }

            if (_remaining == 0)
            {
                wait = _resetAt - now;
                return false;
            }

            _remaining--;
            wait = TimeSpan.Zero;
            return true;
        }

        public void LockUntil(DateTimeOffset until)
        {
            _remaining = 0;
            if (until > _resetAt)
            {
                _resetAt = until;
            }
        }

        public BucketState State() => new(hash, limit, _remaining, _resetAt);
    }
}
