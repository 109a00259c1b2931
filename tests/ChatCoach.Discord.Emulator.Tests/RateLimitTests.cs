using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatCoach.Discord.Emulator.Tests;

/// <summary>Buckets are really enforced, on an emulated clock so the tests need no sleeping.</summary>
public sealed class RateLimitTests : IAsyncLifetime, IDisposable
{
    private const string User = "53908232506183680";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private DiscordEmulator _emulator = null!;
    private RestClient _rest = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DiscordEmulator.StartAsync(new EmulatorOptions
        {
            TimeProvider = _time,
            GlobalRateLimitPerSecond = 8,
            RouteRateLimits = [new RouteRateLimit("POST", "/channels/{channel_id}/messages", 2, TimeSpan.FromSeconds(10), Bucket: "msgbucket")],
        });
        _rest = new RestClient(_emulator);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _rest.Dispose();

    private Task<RestResponse> PostAsync(string channel, string content = "hi") =>
        _rest.PostAsync($"/channels/{channel}/messages", new JsonObject { ["content"] = content });

    [Fact]
    public async Task Every_response_carries_the_bucket_headers()
    {
        var channel = _emulator.DmChannelId(User);

        var response = await PostAsync(channel);

        Assert.Equal("2", response.Header("X-RateLimit-Limit"));
        Assert.Equal("1", response.Header("X-RateLimit-Remaining"));
        Assert.Equal("10.000", response.Header("X-RateLimit-Reset-After"));
        Assert.Equal("msgbucket", response.Header("X-RateLimit-Bucket"));
        var reset = double.Parse(response.Header("X-RateLimit-Reset")!, CultureInfo.InvariantCulture);
        Assert.Equal(_time.GetUtcNow().AddSeconds(10).ToUnixTimeMilliseconds() / 1000.0, reset, precision: 3);
    }

    [Fact]
    public async Task A_request_into_an_exhausted_bucket_gets_a_real_429_and_is_a_violation()
    {
        var channel = _emulator.DmChannelId(User);
        await PostAsync(channel);
        await PostAsync(channel);
        _time.Advance(TimeSpan.FromSeconds(4));

        var limited = await PostAsync(channel);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("6", limited.Header("Retry-After"));
        Assert.Equal("user", limited.Header("X-RateLimit-Scope"));
        Assert.Null(limited.Header("X-RateLimit-Global"));
        Assert.Equal("0", limited.Header("X-RateLimit-Remaining"));
        Assert.Equal("6.000", limited.Header("X-RateLimit-Reset-After"));
        Assert.Equal(6.0, limited.Body!["retry_after"]!.GetValue<double>());
        Assert.False(limited.Body["global"]!.GetValue<bool>());
        Assert.Equal("You are being rate limited.", limited.Body["message"]!.GetValue<string>());
        Assert.Equal(2, _emulator.Messages(channel).Count);
        var violation = Assert.Single(_emulator.Violations, v => v.Kind == ViolationKind.RateLimitExceeded);
        Assert.Contains("msgbucket", violation.Detail, StringComparison.Ordinal);
        Assert.Equal(RateLimitOutcome.Violation, _emulator.Requests[^1].RateLimit);

        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(channel)).Status);
    }

    [Fact]
    public async Task Buckets_are_per_major_parameter()
    {
        var first = _emulator.DmChannelId(User);
        var second = _emulator.DmChannelId("80351110224678912");
        await PostAsync(first);
        await PostAsync(first);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(second)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(first)).Status);
    }

    [Fact]
    public async Task An_injected_429_is_not_a_violation_but_ignoring_its_retry_after_is()
    {
        var channel = _emulator.DmChannelId(User);
        _emulator.RateLimitNext("POST /channels", TimeSpan.FromSeconds(3));

        var injected = await PostAsync(channel);
        var tooSoon = await PostAsync(channel);
        _time.Advance(TimeSpan.FromSeconds(3));
        var afterWaiting = await PostAsync(channel);

        Assert.Equal(HttpStatusCode.TooManyRequests, injected.Status);
        Assert.Equal("3", injected.Header("Retry-After"));
        Assert.Equal(3.0, injected.Body!["retry_after"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.Status);
        Assert.Equal(HttpStatusCode.OK, afterWaiting.Status);
        Assert.Equal(RateLimitOutcome.Injected, _emulator.Requests[0].RateLimit);
        Assert.Single(_emulator.Violations, v => v.Kind == ViolationKind.RateLimitExceeded);
    }

    [Fact]
    public async Task An_injected_global_429_blocks_every_route_except_interaction_callbacks()
    {
        _emulator.RateLimitNext("/users/@me", TimeSpan.FromSeconds(2), global: true);

        var injected = await _rest.GetAsync("/users/@me");
        var other = await _rest.GetAsync("/gateway/bot");

        Assert.Equal("true", injected.Header("X-RateLimit-Global"));
        Assert.Equal("global", injected.Header("X-RateLimit-Scope"));
        Assert.True(injected.Body!["global"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.TooManyRequests, other.Status);
        Assert.Equal(RateLimitOutcome.Violation, _emulator.Requests[^1].RateLimit);
    }

    [Fact]
    public async Task The_global_limit_applies_per_second_but_not_to_interaction_routes()
    {
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _rest.GetAsync("/users/@me")).Status);
            _time.Advance(TimeSpan.FromMilliseconds(110));
        }

        var limited = await _rest.GetAsync("/gateway/bot");
        var callback = await _rest.PostAsync("/interactions/1/nope/callback", new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "x" } });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("true", limited.Header("X-RateLimit-Global"));
        Assert.Equal(HttpStatusCode.NotFound, callback.Status);
        Assert.Equal(10062, callback.Body!["code"]!.GetValue<int>());
    }
}
