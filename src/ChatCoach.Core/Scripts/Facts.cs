using ChatCoach.Core.Answers;
using ChatCoach.Core.Seasons;

namespace ChatCoach.Core.Scripts;

/// <summary>
/// What conditions see: the stored answers (an unknown one as its question's <c>unknown_default</c>), the script's
/// derived values, and today's season values (<c>season.next_match</c>; a date as its year; <c>season.months_to_submission</c>), computed for a given day.
/// </summary>
public sealed class Facts(IReadOnlyDictionary<string, AnswerValue> answers, Script script, DateOnly today)
{
    /// <summary>The season row covering the day, or null.</summary>
    public Season? Season { get; } = script.SeasonOn(today);

    /// <summary>Looks up an answer, derived value or season value by name.</summary>
    public bool TryGet(string name, out AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Answer(name) is { } answer)
        {
            value = answer;
            return true;
        }

        if (script.YearsSince.TryGetValue(name, out var yearAnswer) && Answer(yearAnswer) is { Type: AnswerValueType.Number } year)
        {
            value = AnswerValue.Of(today.Year - year.Number);
            return true;
        }

        if (name.StartsWith(SeasonPrefix, StringComparison.Ordinal) && SeasonNumber(name[SeasonPrefix.Length..]) is { } number)
        {
            value = AnswerValue.Of(number);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The prefix of season values in conditions.</summary>
    internal const string SeasonPrefix = "season.";

    /// <summary>The season value, for conditions only, counting whole months from today until applications go to programs.</summary>
    internal const string MonthsToSubmission = "months_to_submission";

    private static long MonthsBetween(DateOnly from, DateOnly to) =>
        ((to.Year - from.Year) * 12) + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);

    private AnswerValue? Answer(string name) =>
        !answers.TryGetValue(name, out var value) ? null
        : !value.IsUnknown ? value
        : script.UnknownDefaults.TryGetValue(name, out var assumed) && !assumed.IsUnknown ? assumed
        : null;

    private long? SeasonNumber(string name) => (Season, name) switch
    {
        (null, _) => null,
        (_, "next_match") => Season.NextMatch,
        (_, "match_in_progress") => Season.MatchInProgress,
        (_, MonthsToSubmission) when Season.Dates.TryGetValue("applications_submit", out var submit) => MonthsBetween(today, submit.Date),
        _ => Season.Dates.TryGetValue(name, out var date) ? date.Date.Year : null,
    };
}
