using ChatCoach.Discord.Coaching;
using Microsoft.Extensions.Time.Testing;

namespace ChatCoach.Discord.Tests.Coaching;

public sealed class FloodGateTests
{
    [Fact]
    public void Past_the_limit_the_first_refusal_gets_a_note_and_the_rest_are_dropped_until_the_window_passes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var gate = new FloodGate(3, time);

        Assert.Equal([FloodVerdict.Allowed, FloodVerdict.Allowed, FloodVerdict.Allowed, FloodVerdict.Noted, FloodVerdict.Dropped],
            Enumerable.Range(0, 5).Select(_ => gate.Check("u1")));
        Assert.Equal(FloodVerdict.Allowed, gate.Check("u2"));

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(FloodVerdict.Allowed, gate.Check("u1"));
    }
}
