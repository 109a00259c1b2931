using ChatCoach.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace ChatCoach.Discord.Tests.Rest;

// Pure limiter logic on a fake clock: no request may pass before the time the headers announced.
public sealed class RateLimiterTests
{
    private static readonly Route Messages = Route.Create(HttpMethod.Post, "channels/1/messages");

    private static RateLimitHeaders Headers(int remaining, double resetAfterSeconds, string? bucket = null) =>
        new(5, remaining, TimeSpan.FromSeconds(resetAfterSeconds), bucket, false, null, null);

    [Fact]
    public async Task Waits_until_reset_when_remaining_is_zero()
    {
        var time = new FakeTimeProvider();
        using var limiter = new RateLimiter(time);
        var bucket = await limiter.AcquireAsync(Messages, CancellationToken.None);
        limiter.Update(bucket, Messages, Headers(0, 2));

        var turn = limiter.WaitTurnAsync(bucket, Messages, CancellationToken.None);
        Assert.False(turn.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(turn.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await turn.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Remaining_requests_pass_at_once()
    {
        var time = new FakeTimeProvider();
        using var limiter = new RateLimiter(time);
        var bucket = await limiter.AcquireAsync(Messages, CancellationToken.None);
        limiter.Update(bucket, Messages, Headers(3, 10));
        Assert.True(limiter.WaitTurnAsync(bucket, Messages, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task One_request_per_bucket_is_in_flight()
    {
        using var limiter = new RateLimiter(new FakeTimeProvider());
        var first = await limiter.AcquireAsync(Messages, CancellationToken.None);
        var second = limiter.AcquireAsync(Route.Create(HttpMethod.Post, "channels/1/messages"), CancellationToken.None);
        var otherChannel = limiter.AcquireAsync(Route.Create(HttpMethod.Post, "channels/2/messages"), CancellationToken.None);
        Assert.False(second.IsCompleted);
        Assert.True(otherChannel.IsCompletedSuccessfully);
        first.Gate.Release();
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Global_block_holds_every_non_exempt_route_but_not_interaction_callbacks()
    {
        var time = new FakeTimeProvider();
        using var limiter = new RateLimiter(time);
        limiter.BlockGlobal(TimeSpan.FromSeconds(3));
        var dm = Route.Create(HttpMethod.Post, "users/@me/channels");
        var callback = Route.Create(HttpMethod.Post, "interactions/1/tok/callback");

        var dmTurn = limiter.WaitTurnAsync(await limiter.AcquireAsync(dm, CancellationToken.None), dm, CancellationToken.None);
        var callbackTurn = limiter.WaitTurnAsync(await limiter.AcquireAsync(callback, CancellationToken.None), callback, CancellationToken.None);

        Assert.True(callbackTurn.IsCompletedSuccessfully);
        Assert.False(dmTurn.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3));
        await dmTurn.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task At_most_fifty_requests_per_second_globally()
    {
        var time = new FakeTimeProvider();
        using var limiter = new RateLimiter(time);
        for (var i = 0; i < 50; i++)
        {
            var route = Route.Create(HttpMethod.Post, $"channels/{i + 1}/messages");
            Assert.True(limiter.WaitTurnAsync(await limiter.AcquireAsync(route, CancellationToken.None), route, CancellationToken.None).IsCompletedSuccessfully);
        }

        var fiftyFirst = Route.Create(HttpMethod.Post, "channels/999/messages");
        var turn = limiter.WaitTurnAsync(await limiter.AcquireAsync(fiftyFirst, CancellationToken.None), fiftyFirst, CancellationToken.None);
        Assert.False(turn.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await turn.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_learned_bucket_hash_carries_the_limit_to_the_next_request()
    {
        var time = new FakeTimeProvider();
        using var limiter = new RateLimiter(time);
        var first = await limiter.AcquireAsync(Messages, CancellationToken.None);
        limiter.Update(first, Messages, Headers(0, 4, bucket: "abcd1234"));
        first.Gate.Release();

        var next = await limiter.AcquireAsync(Messages, CancellationToken.None);
        Assert.NotSame(first, next); // now keyed by hash + channel
        var turn = limiter.WaitTurnAsync(next, Messages, CancellationToken.None);
        Assert.False(turn.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(4));
        await turn.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Idle_expired_buckets_are_pruned()
    {
        var time = new FakeTimeProvider();
        using var limiter = new RateLimiter(time);
        var bucket = await limiter.AcquireAsync(Messages, CancellationToken.None);
        limiter.Update(bucket, Messages, Headers(4, 1));
        var busy = await limiter.AcquireAsync(Route.Create(HttpMethod.Post, "channels/2/messages"), CancellationToken.None);
        bucket.Gate.Release();
        time.Advance(TimeSpan.FromSeconds(2));

        limiter.Prune();

        Assert.Equal(1, limiter.BucketCount); // the busy one stays
        busy.Gate.Release();
    }
}
