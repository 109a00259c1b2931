using System.Globalization;
using System.Text;
using ChatCoach.Core.Scripts;
using ChatCoach.Core.Seasons;

namespace ChatCoach.Core.Advice;

/// <summary>
/// Writes the plan: the realistic Match year, then the steps of every matching advice entry by phase (at most
/// <see cref="NowSteps"/> to start now, most important first; the rest before the season and during it), each
/// entry's encouragement under its first step with that encouragement's own source, and what is still unknown.
/// </summary>
public static class PlanWriter
{
    /// <summary>The most steps the plan asks to start now; a longer list is a wall nobody starts on.</summary>
    public const int NowSteps = 5;

    /// <summary>The advice entries that apply to these facts, in the script's order of importance.</summary>
    public static IReadOnlyList<AdviceEntry> Matching(Script script, Facts facts)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script.Advice.Where(a => a.When.Evaluate(facts)).ToList();
    }

    /// <summary>The realistic Match line for these facts, or null when the script states no rule or today has no season.</summary>
    public static string? RealisticMatch(Script script, Facts facts)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(facts);
        if (script.RealisticMatch is not { } rule || facts.Season is not { } season)
        {
            return null;
        }

        var (year, chosen) = rule.For(facts, season);
        return year is { } y
            ? script.Texts.RealisticMatch
                .Replace("{year}", y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{because}", chosen.Because, StringComparison.Ordinal)
            : chosen.Because;
    }

    /// <summary>The plan as text.</summary>
    public static string Write(Script script, string heading, Facts facts, PlanGaps gaps)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(gaps);
        var advice = Matching(script, facts);
        var text = new StringBuilder(heading);
        if (RealisticMatch(script, facts) is { } match)
        {
            text.Append("\n\n").Append(match);
        }

        if (advice.Count == 0)
        {
            text.Append("\n\n").Append(script.Texts.PlanEmpty);
        }
        else
        {
            var number = 0;
            foreach (var (title, steps) in Sections(script.Texts, advice))
            {
                text.Append("\n\n").Append(title);
                number = WriteSteps(text, steps, number);
            }
        }

        AppendList(text, script.Texts.NotAnswered, gaps.Unknown);
        AppendList(text, script.Texts.StillMissing, gaps.Missing);
        return SeasonText.Fill(text.ToString(), facts.Season);
    }

    /// <summary>The plan's sections in order, empty ones left out; "now" steps past the limit wait for the next section.</summary>
    private static IEnumerable<(string Title, List<PlannedStep> Steps)> Sections(ScriptTexts texts, IReadOnlyList<AdviceEntry> advice)
    {
        var all = advice.SelectMany(entry => entry.Steps.Select((step, i) => new PlannedStep(entry, step, i == 0))).ToList();
        var now = all.Where(s => s.Entry.Phase == AdvicePhase.Now).ToList();
        var before = now.Skip(NowSteps).Concat(all.Where(s => s.Entry.Phase == AdvicePhase.BeforeSeason)).ToList();
        var during = all.Where(s => s.Entry.Phase == AdvicePhase.InSeason).ToList();
        return new[] { (texts.DoNow, now.Take(NowSteps).ToList()), (texts.BeforeSeason, before), (texts.InSeason, during) }
            .Where(section => section.Item2.Count > 0);
    }

    private static int WriteSteps(StringBuilder text, List<PlannedStep> steps, int number)
    {
        var first = number + 1;
        for (var i = 0; i < steps.Count; i++)
        {
            var (entry, step, opens) = steps[i];
            text.Append("\n\n").Append(++number).Append(". ").Append(step.Do).Append("\n   Why: ").Append(step.Why);
            if (opens && entry.Encouragement is { } encouragement)
            {
                text.Append("\n   ").Append(encouragement);
                if (entry.EncouragementSource is { } source)
                {
                    text.Append(" (Source: ").Append(source).Append(')');
                }
            }

            // An entry's sources back all of its steps, so they follow the last of its steps in this section, once.
            if (i == steps.Count - 1 || !ReferenceEquals(steps[i + 1].Entry, entry))
            {
                text.Append(number == first ? "\n   Source: " : $"\n   Sources ({first}–{number}): ").AppendJoin("; ", entry.Sources);
                first = number + 1;
            }
        }

        return number;
    }

    private static void AppendList(StringBuilder text, string title, IReadOnlyList<string> topics)
    {
        if (topics.Count > 0)
        {
            text.Append("\n\n").Append(title).Append(' ').AppendJoin(", ", topics).Append('.');
        }
    }

    private readonly record struct PlannedStep(AdviceEntry Entry, AdviceStep Step, bool Opens);
}
