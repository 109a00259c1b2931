using System.Diagnostics.Metrics;
using ChatCoach.Core.Scripts;
using ChatCoach.Core.Telemetry;

namespace ChatCoach.Hosting;

/// <summary><c>chatcoach_script_info{script, version}</c>: which version of each script this replica serves (value 1).</summary>
internal sealed class ScriptMetrics
{
    public ScriptMetrics(IMeterFactory meters, LiveScripts live)
    {
        ArgumentNullException.ThrowIfNull(meters);
        meters.Create(CoachMetrics.MeterName).CreateObservableGauge("chatcoach.script.info", () => Observe(live), "{script}",
            "The version of each live script on this replica (value 1)");
    }

    // Scraping starts with the web host, after the scripts were loaded at start.
    private static IEnumerable<Measurement<int>> Observe(LiveScripts live) =>
        live.Live.Scripts.Select(s => new Measurement<int>(1,
            new KeyValuePair<string, object?>("script", s.Id), new KeyValuePair<string, object?>("version", s.Version[..12])));
}
