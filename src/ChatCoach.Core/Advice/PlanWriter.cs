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

    /// <summary>
    /// The realistic Match for these facts: the year (null when no US Match is open to the profile) and the rule
    /// that chose it; null when the script states no rule or today has no season.
    /// </summary>
    public static (int? Year, MatchRule Rule)? RealisticMatch(Script script, Facts facts)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(facts);
        return script.RealisticMatch is { } rule && facts.Season is { } season ? rule.For(facts, season) : null;
    }

    /// <summary>
    /// The plan's sections in order, empty ones left out: at most <see cref="NowSteps"/> steps to do now (the rest
    /// wait for the next section), then the steps before the season, then those during it.
    /// </summary>
    public static IReadOnlyList<PlanSection> Layout(IReadOnlyList<AdviceEntry> advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var all = advice.SelectMany(entry => entry.Steps.Select((step, i) => new PlannedStep(entry, step, i == 0))).ToList();
        var now = all.Where(s => s.Entry.Phase == AdvicePhase.Now).ToList();
        var before = now.Skip(NowSteps).Concat(all.Where(s => s.Entry.Phase == AdvicePhase.BeforeSeason)).ToList();
        var during = all.Where(s => s.Entry.Phase == AdvicePhase.InSeason).ToList();
        return new[]
            {
                new PlanSection(AdvicePhase.Now, now.Take(NowSteps).ToList()),
                new PlanSection(AdvicePhase.BeforeSeason, before),
                new PlanSection(AdvicePhase.InSeason, during),
            }
            .Where(section => section.Steps.Count > 0).ToList();
    }

    /// <summary>The plan as text.</summary>
    public static string Write(Script script, string heading, Facts facts, PlanGaps gaps)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(gaps);
        var advice = Matching(script, facts);
        var text = new StringBuilder(heading);
        if (RealisticMatch(script, facts) is var (year, rule))
        {
            text.Append("\n\n").Append(year is { } y
                ? script.Texts.RealisticMatch
                    .Replace("{year}", y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{because}", rule.Because, StringComparison.Ordinal)
                : rule.Because);
        }

        if (advice.Count == 0)
        {
            text.Append("\n\n").Append(script.Texts.PlanEmpty);
        }
        else
        {
            var number = 0;
            foreach (var section in Layout(advice))
            {
                text.Append("\n\n").Append(section.Phase switch
                {
                    AdvicePhase.Now => script.Texts.DoNow,
                    AdvicePhase.BeforeSeason => script.Texts.BeforeSeason,
                    _ => script.Texts.InSeason,
                });
                number = WriteSteps(text, section.Steps, number);
            }
        }

        AppendList(text, script.Texts.NotAnswered, gaps.Unknown);
        AppendList(text, script.Texts.StillMissing, gaps.Missing);
        return SeasonText.Fill(text.ToString(), facts.Season);
    }

    private static int WriteSteps(StringBuilder text, IReadOnlyList<PlannedStep> steps, int number)
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
}
