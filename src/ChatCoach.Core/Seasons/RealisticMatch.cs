using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Seasons;

/// <summary>
/// The script's rule for the first Match a profile can realistically enter: the first rule whose condition holds
/// adds years to the season's next Match (what the profile still needs takes longer than the time left before
/// applications go to programs), and a student never matches before the year of graduation.
/// </summary>
/// <param name="Rules">Tried in order; the last has no condition.</param>
/// <param name="NotBefore">A year answer the Match cannot come before (the year of graduation), or null.</param>
public sealed record RealisticMatch(IReadOnlyList<MatchRule> Rules, string? NotBefore)
{
    /// <summary>The Match year for these facts (null when no US Match is open to the profile) and the rule's reason.</summary>
    public (int? Year, MatchRule Rule) For(Facts facts, Season season)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(season);
        var rule = Rules.FirstOrDefault(r => r.When?.Evaluate(facts) ?? true) ?? Rules[^1];
        if (rule.Add is not { } add)
        {
            return (null, rule);
        }

        var year = season.NextMatch + add;
        if (NotBefore is { } name && facts.TryGet(name, out var floor) && floor.Type == Answers.AnswerValueType.Number && floor.Number > year)
        {
            year = (int)floor.Number;
        }

        return (year, rule);
    }
}

/// <summary>One line of <see cref="RealisticMatch"/>: when it applies, the years it adds (null: no US Match), and why.</summary>
public sealed record MatchRule(Condition? When, int? Add, string Because, SourcePosition Position);
