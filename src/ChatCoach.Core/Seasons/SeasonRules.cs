using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Seasons;

/// <summary>
/// The checks on a script's seasons: the table itself and the texts that use it (part of validation), and the
/// checks that depend on the day (<see cref="CheckDate"/>), which <c>dialogs validate</c> runs for the effective date.
/// </summary>
public static class SeasonRules
{
    /// <summary>How long before the last season ends validation starts warning.</summary>
    public const int WarnDaysBeforeEnd = 60;

    /// <summary>How old a review may be before validation warns.</summary>
    public const int ReviewMonths = 12;

    private static readonly string[] EcfmgValues = ["pathways_graduation_floor", "oet_floor", "pathway1_licence_floor"];

    /// <summary>
    /// Problems that depend on <paramref name="today"/>: no season covers it (an error), the last season ends
    /// within <see cref="WarnDaysBeforeEnd"/> days, or an advice entry was last reviewed more than
    /// <see cref="ReviewMonths"/> months ago (warnings). Scripts without seasons name no dates and get none.
    /// </summary>
    public static IReadOnlyList<ScriptProblem> CheckDate(Script script, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(script);
        var problems = new List<ScriptProblem>();
        if (script.Seasons.Count == 0)
        {
            return problems;
        }

        var first = script.Seasons.MinBy(s => s.From)!;
        var last = script.Seasons.MaxBy(s => s.To)!;
        if (script.SeasonOn(today) is null)
        {
            problems.Add(new ScriptProblem(script.File, last.Position, ProblemCodes.NoSeason,
                $"no season covers {today:yyyy-MM-dd}: the table runs from {first.From:yyyy-MM-dd} to {last.To:yyyy-MM-dd}",
                "add the season for this date (see FACTS), marking values not yet published 'inferred: true'"));
        }
        else if (last.To.DayNumber - today.DayNumber <= WarnDaysBeforeEnd)
        {
            problems.Add(new ScriptProblem(script.File, last.Position, ProblemCodes.NoSeason,
                $"the last season ends on {last.To:yyyy-MM-dd}, {last.To.DayNumber - today.DayNumber} days after {today:yyyy-MM-dd}",
                "add the next season before then") { IsWarning = true });
        }

        var oldest = today.AddMonths(-ReviewMonths);
        foreach (var entry in script.Advice.Where(a => a.Reviewed is not { } reviewed || reviewed < oldest))
        {
            problems.Add(new ScriptProblem(script.File, entry.Position, ProblemCodes.NotReviewed,
                entry.Reviewed is { } reviewed
                    ? $"advice '{entry.Id}' was last reviewed on {reviewed:yyyy-MM-dd}, more than {ReviewMonths} months before {today:yyyy-MM-dd}"
                    : $"advice '{entry.Id}' has no 'reviewed' date",
                "check it against its sources, then set 'reviewed: YYYY-MM-DD'") { IsWarning = true });
        }

        return problems;
    }

    /// <summary>Rows in order without overlap, and every <c>{season.NAME}</c> in a text known and, when inferred, sent to the official site.</summary>
    internal static void CheckTable(Script script, ProblemList problems)
    {
        for (var i = 1; i < script.Seasons.Count; i++)
        {
            if (script.Seasons[i].From <= script.Seasons[i - 1].To)
            {
                problems.Add(script.Seasons[i].Position, ProblemCodes.BadSeasons,
                    $"season from {script.Seasons[i].From:yyyy-MM-dd} starts before the season above it ends ({script.Seasons[i - 1].To:yyyy-MM-dd})",
                    "list seasons in date order, each starting after the one before ends");
            }
        }

        foreach (var (text, position) in TextsOf(script))
        {
            foreach (var name in SeasonText.NamesIn(text).Distinct(StringComparer.Ordinal))
            {
                if (!CheckName(script, name, position, problems, inText: true) || !script.Seasons.Any(s => s.Dates.TryGetValue(name, out var d) && d.Inferred))
                {
                    continue;
                }

                var site = EcfmgValues.Contains(name) ? "check ecfmg.org" : "check nrmp.org";
                if (!text.Contains(site, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(position, ProblemCodes.InferredUnchecked,
                        $"a text uses {{season.{name}}}, which a season infers from earlier years, without saying '{site}'",
                        $"add '{site}' to the text, or publish the date without 'inferred: true'");
                }
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> is a season value the script can fill; reports it when not.</summary>
    internal static bool CheckName(Script script, string name, SourcePosition position, ProblemList problems, bool inText = false)
    {
        if (script.Seasons.Count > 0
            && (name is "next_match" or "match_in_progress" || Season.DateNames.Contains(name) || (!inText && name == Facts.MonthsToSubmission)))
        {
            return true;
        }

        problems.Add(position, ProblemCodes.BadSeasons,
            script.Seasons.Count == 0 ? $"'season.{name}' is used, but the script has no seasons" : $"'season.{name}' is not a season value",
            $"use one of next_match, match_in_progress, {string.Join(", ", Season.DateNames)}");
        return false;
    }

    private static IEnumerable<(string Text, SourcePosition Position)> TextsOf(Script script)
    {
        foreach (var node in script.Nodes.Values)
        {
            yield return (node.Text, node.Position);
            if (node.Question is { } q)
            {
                yield return (q.Reask, node.Position);
                if (q.Help is { } help)
                {
                    yield return (help, node.Position);
                }
            }
        }

        foreach (var entry in script.Advice)
        {
            if (entry.Encouragement is { } encouragement)
            {
                yield return (encouragement, entry.Position);
            }

            foreach (var step in entry.Steps)
            {
                yield return (step.Do, entry.Position);
                yield return (step.Why, entry.Position);
            }
        }

        foreach (var rule in script.RealisticMatch?.Rules ?? [])
        {
            yield return (rule.Because, rule.Position);
        }

        foreach (var text in script.Texts.All())
        {
            yield return (text, SourcePosition.Start);
        }
    }
}
