using System.Net;
using System.Text.Json;
using ChatCoach.Discord.Rest;
using ChatCoach.Discord.Tests.Support;

namespace ChatCoach.Discord.Tests.Rest;

public sealed class RateLimitHeadersTests
{
    [Fact]
    public void Parses_the_documented_200_example()
    {
        var headers = Parse("rest_200_ratelimit_headers.json");
        Assert.Equal(5, headers.Limit);
        Assert.Equal(0, headers.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(1), headers.ResetAfter);
        Assert.Equal("abcd1234", headers.Bucket);
        Assert.False(headers.Global);
    }

    [Fact]
    public void Parses_the_documented_global_429_example()
    {
        var headers = Parse("rest_429_response_global.json");
        Assert.True(headers.Global);
        Assert.Equal("global", headers.Scope);
        Assert.Equal(TimeSpan.FromSeconds(65), headers.RetryAfter);
    }

    [Fact]
    public void Parses_fractional_reset_after_and_ignores_garbage()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset-After", "64.57");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "nope");
        var headers = RateLimitHeaders.Parse(response.Headers);
        Assert.Equal(TimeSpan.FromSeconds(64.57), headers.ResetAfter);
        Assert.Null(headers.Remaining);
        Assert.Null(headers.Bucket);
    }

    private static RateLimitHeaders Parse(string fixture)
    {
        using var doc = JsonDocument.Parse(SharedFiles.Fixture(fixture));
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        foreach (var header in doc.RootElement.GetProperty("headers").EnumerateObject())
        {
            response.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
        }

        return RateLimitHeaders.Parse(response.Headers);
    }
}
