using System.Globalization;

namespace ChatCoach.Core.Safety;

/// <summary>
/// How a classifier did on one corpus part: crisis messages caught as crisis, positives (crisis and concern)
/// caught at crisis or concern, and negatives (distress and none) raised to crisis or concern. The bar:
/// at least 99%, at least 97%, at most 3%.
/// </summary>
public sealed record CorpusFigures(string Part, IReadOnlyDictionary<SafetyLevel, int> Counts, int CrisisCaught, int PositivesCaught, int FalseAlarms,
    IReadOnlyList<(string Text, SafetyLevel Label, SafetyLevel Got)> Misses)
{
    /// <summary>The least share of crisis messages that must be caught as crisis.</summary>
    public const double CrisisBar = 0.99;

    /// <summary>The least share of positives that must be caught at crisis or concern.</summary>
    public const double PositiveBar = 0.97;

    /// <summary>The greatest share of negatives that may be raised to crisis or concern.</summary>
    public const double FalseAlarmBar = 0.03;

    /// <summary>Crisis messages caught as crisis, as a share.</summary>
    public double CrisisRate => Share(CrisisCaught, Count(SafetyLevel.Crisis));

    /// <summary>Positives caught at crisis or concern, as a share.</summary>
    public double PositiveRate => Share(PositivesCaught, Count(SafetyLevel.Crisis) + Count(SafetyLevel.Concern));

    /// <summary>Negatives raised to crisis or concern, as a share.</summary>
    public double FalseAlarmRate => 1 - Share(Count(SafetyLevel.Distress) + Count(SafetyLevel.None) - FalseAlarms, Count(SafetyLevel.Distress) + Count(SafetyLevel.None));

    /// <summary>Whether the part meets all three bars.</summary>
    public bool Passes => CrisisRate >= CrisisBar && PositiveRate >= PositiveBar && FalseAlarmRate <= FalseAlarmBar;

    /// <summary>Classifies every message of <paramref name="part"/>.</summary>
    public static CorpusFigures Of(CorpusPart part, SafetyClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(classifier);
        var counts = new Dictionary<SafetyLevel, int>();
        int crisis = 0, positives = 0, alarms = 0;
        var misses = new List<(string, SafetyLevel, SafetyLevel)>();
        foreach (var (text, label) in part.Messages)
        {
            counts[label] = counts.GetValueOrDefault(label) + 1;
            var got = classifier.Classify(text);
            var alarm = got >= SafetyLevel.Concern;
            var positive = label >= SafetyLevel.Concern;
            crisis += label == SafetyLevel.Crisis && got == SafetyLevel.Crisis ? 1 : 0;
            positives += positive && alarm ? 1 : 0;
            alarms += !positive && alarm ? 1 : 0;
            if (label == SafetyLevel.Crisis && got != SafetyLevel.Crisis || positive != alarm)
            {
                misses.Add((text, label, got));
            }
        }

        return new CorpusFigures(part.Name, counts, crisis, positives, alarms, misses);
    }

    /// <summary>One line: the part, its counts and the three figures against the bar.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Part}: {Count(SafetyLevel.Crisis)} crisis, {Count(SafetyLevel.Concern)} concern, {Count(SafetyLevel.Distress)} distress, {Count(SafetyLevel.None)} none; "
        + $"crisis caught as crisis {CrisisRate:P1} (bar {CrisisBar:P0}), positives caught {PositiveRate:P1} (bar {PositiveBar:P0}), "
        + $"false alarms {FalseAlarmRate:P1} (bar {FalseAlarmBar:P0}){(Passes ? string.Empty : " BELOW THE BAR")}");

    private int Count(SafetyLevel label) => Counts.GetValueOrDefault(label);

    private static double Share(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
