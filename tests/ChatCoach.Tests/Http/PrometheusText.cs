using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatCoach.Tests.Http;

/// <summary>
/// A small parser of the Prometheus text exposition format (0.0.4): every line must be a comment (# HELP, # TYPE)
/// or a sample <c>name{label="value",...} number</c>; anything else fails the test that scraped it.
/// </summary>
internal sealed partial class PrometheusText
{
    private PrometheusText(IReadOnlyList<Sample> samples, IReadOnlyDictionary<string, string> types)
    {
        Samples = samples;
        Types = types;
    }

    public IReadOnlyList<Sample> Samples { get; }

    /// <summary>The TYPE of each metric family (counter, gauge, histogram...).</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<Sample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.True(parts.Length == 4 && parts[3] is "counter" or "gauge" or "histogram" or "summary" or "untyped", $"bad TYPE line: {line}");
                types[parts[2]] = parts[3];
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample line: {line}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in Label().Matches(match.Groups["labels"].Value))
            {
                labels[label.Groups["name"].Value] = Regex.Unescape(label.Groups["value"].Value);
            }

            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(match.Groups["name"].Value, labels, value));
        }

        return new PrometheusText(samples, types);
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Name, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Name) == l.Value)).Sum(s => s.Value);

    public bool Has(string name) => Samples.Any(s => s.Name == name);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*)\})? (?<value>[-+0-9.eE]+|[+-]Inf|NaN)( -?[0-9]+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(""""(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(\\.|[^"\\])*)"""")]
    private static partial Regex Label();

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
