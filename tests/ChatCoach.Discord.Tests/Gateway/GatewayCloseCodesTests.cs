using ChatCoach.Discord.Gateway;

namespace ChatCoach.Discord.Tests.Gateway;

public sealed class GatewayCloseCodesTests
{
    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public void Unrecoverable_codes_are_fatal_with_a_clear_message(int code)
    {
        var outcome = GatewayCloseCodes.Classify(code);
        Assert.Equal(NextStep.Fatal, outcome.Next);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Reason, StringComparison.Ordinal);
        Assert.True(GatewayCloseCodes.IsFatal(code));
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4005)]
    [InlineData(4008)]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(1006)]
    [InlineData(1011)]
    [InlineData(null)]
    public void Recoverable_codes_resume_with_backoff(int? code)
    {
        var outcome = GatewayCloseCodes.Classify(code);
        Assert.Equal(NextStep.Resume, outcome.Next);
        Assert.Equal(ReconnectDelay.Backoff, outcome.Delay);
    }

    [Theory]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public void Dead_session_codes_identify_anew(int code) => Assert.Equal(NextStep.Identify, GatewayCloseCodes.Classify(code).Next);

    [Fact]
    public void Authentication_failure_says_what_to_fix() =>
        Assert.Contains("token", GatewayCloseCodes.Classify(4004).Reason, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Disallowed_intents_point_at_the_developer_portal() =>
        Assert.Contains("Developer Portal", GatewayCloseCodes.Classify(4014).Reason, StringComparison.Ordinal);
}
