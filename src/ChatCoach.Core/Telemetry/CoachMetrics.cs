using System.Diagnostics.Metrics;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;

namespace ChatCoach.Core.Telemetry;

/// <summary>
/// The conversation metrics: turns by channel and outcome, their latency, and the safety signals (crisis, concern,
/// distress) by level. Labels are closed sets (channel, outcome, level): never a user id, never message text.
/// </summary>
public sealed class CoachMetrics
{
    /// <summary>The meter every ChatCoach instrument lives on.</summary>
    public const string MeterName = "ChatCoach";

    // Seconds; a turn is a few milliseconds when all is well, and seconds when the disk or the database is not.
    private static readonly double[] LatencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _safety;

    /// <summary>Creates the instruments on the <see cref="MeterName"/> meter of <paramref name="meters"/>.</summary>
    public CoachMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _turns = meter.CreateCounter<long>("chatcoach.turns", "{turn}", "Turns taken, by channel and outcome");
        _duration = meter.CreateHistogram("chatcoach.turn.duration", "s", "Time from an event to its saved turn, by channel",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _safety = meter.CreateCounter<long>("chatcoach.safety.signals", "{signal}", "Messages answered as crisis, concern or distress, by level");
    }

    /// <summary>Records one turn; <paramref name="response"/> is null when it failed.</summary>
    public void Turn(string channel, TurnResponse? response, TimeSpan elapsed)
    {
        var outcome = response switch
        {
            null => "failed",
            { Duplicate: true } => "duplicate",
            _ => Label(response.Outcome),
        };
        _turns.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));
        if (response is { Duplicate: false, Outcome: TurnOutcome.Crisis or TurnOutcome.Concern or TurnOutcome.Distress })
        {
            _safety.Add(1, new KeyValuePair<string, object?>("level", outcome));
        }
    }

    private static string Label(TurnOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
