using ChatCoach.Discord.Gateway;

namespace ChatCoach.Discord.Tests.Gateway;

public sealed class BackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(6, 60)]
    [InlineData(1000, 60)]
    public void Doubles_per_attempt_capped_with_jitter_in_half_to_full(int attempt, double nominalSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(nominalSeconds / 2), Backoff.Compute(attempt, Min, Max, 0));
        var high = Backoff.Compute(attempt, Min, Max, 0.999999);
        Assert.InRange(high.TotalSeconds, nominalSeconds * 0.99, nominalSeconds);
    }

    [Fact]
    public void Never_exceeds_the_cap_for_any_random_value()
    {
        var random = new Random(42);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var delay = Backoff.Compute(attempt, Min, Max, random.NextDouble());
            Assert.InRange(delay, TimeSpan.FromSeconds(0.5), Max);
        }
    }

    [Fact]
    public void Between_spans_the_configured_range()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Backoff.Between(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0));
        Assert.Equal(TimeSpan.FromSeconds(3), Backoff.Between(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0.5));
        Assert.Equal(TimeSpan.FromSeconds(5), Backoff.Between(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 1));
    }
}
