using ChatCoach.Core.Advice;
using ChatCoach.Core.Answers;
using ChatCoach.Core.Scripts;
using ChatCoach.Core.Seasons;

namespace ChatCoach.Core.Tests.Seasons;

/// <summary>Which season applies on a day, what its values fill in, the realistic Match, and the date checks of validation.</summary>
public sealed class SeasonsTests
{
    private static readonly Script Script = SeasonScripts.Load();

    [Theory]
    [InlineData("2026-09-23", null)]
    [InlineData("2026-09-24", 2028)]
    [InlineData("2027-09-22", 2028)]
    [InlineData("2027-09-23", 2029)]
    [InlineData("2028-09-20", 2029)]
    [InlineData("2028-09-21", null)]
    public void The_season_is_the_row_covering_the_day(string day, int? nextMatch)
    {
        Assert.Equal(nextMatch, Script.SeasonOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))?.NextMatch);
    }

    [Fact]
    public void Placeholders_take_the_values_of_the_season_and_stay_as_written_without_one()
    {
        var season = Script.SeasonOn(new DateOnly(2027, 10, 1));
        const string text = "The {season.next_match} Match ({season.match_in_progress} under way), Match Day {season.match_day}, {season.unknown}.";

        Assert.Equal("The 2029 Match (2028 under way), Match Day 16 March 2029, {season.unknown}.", SeasonText.Fill(text, season));
        Assert.Equal(text, SeasonText.Fill(text, null));
        Assert.Equal(["next_match", "match_in_progress", "match_day", "unknown"], SeasonText.NamesIn(text));
    }

    [Fact]
    public void Conditions_see_season_values_a_date_as_its_year_and_the_months_left()
    {
        var facts = SeasonScripts.Facts(Script, new DateOnly(2026, 11, 25));

        Assert.True(facts.TryGet("season.next_match", out var next));
        Assert.Equal(2028, next.Number);
        Assert.True(facts.TryGet("season.match_in_progress", out var inProgress));
        Assert.Equal(2027, inProgress.Number);
        Assert.True(facts.TryGet("season.pathways_graduation_floor", out var floor));
        Assert.Equal(2026, floor.Number);
        Assert.True(facts.TryGet("season.months_to_submission", out var months));
        Assert.Equal(9, months.Number);
        Assert.False(facts.TryGet("season.nothing", out _));
        Assert.False(SeasonScripts.Facts(Script, new DateOnly(2030, 1, 1)).TryGet("season.next_match", out _));
    }

    [Theory]
    [InlineData("2027-08-23", 1)]
    [InlineData("2027-08-24", 0)]
    [InlineData("2027-09-23", 11)]
    public void Months_to_submission_count_whole_months(string day, long expected)
    {
        var facts = SeasonScripts.Facts(Script, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(facts.TryGet("season.months_to_submission", out var months));
        Assert.Equal(expected, months.Number);
    }

    [Fact]
    public void An_ordering_against_a_season_value_compares_with_its_year()
    {
        var before = Script.Advice.Single(a => a.Id == "before").When;

        Assert.True(before.Evaluate(SeasonScripts.Facts(Script, new DateOnly(2026, 11, 25), ("graduation_year", AnswerValue.Of(2025)))));
        Assert.False(before.Evaluate(SeasonScripts.Facts(Script, new DateOnly(2026, 11, 25), ("graduation_year", AnswerValue.Of(2026)))));
        Assert.True(before.Evaluate(SeasonScripts.Facts(Script, new DateOnly(2027, 11, 25), ("graduation_year", AnswerValue.Of(2026)))));
        Assert.False(before.Evaluate(SeasonScripts.Facts(Script, new DateOnly(2030, 1, 1), ("graduation_year", AnswerValue.Of(2000)))));
    }

    [Theory]
    [InlineData("2026-11-25", 0, 2020, 2028)]
    [InlineData("2026-11-25", 2, 2020, 2029)]
    [InlineData("2026-09-24", 2, 2020, 2028)]
    [InlineData("2026-10-24", 2, 2020, 2029)]
    [InlineData("2027-10-01", 0, 2020, 2029)]
    [InlineData("2026-11-25", 0, 2030, 2030)]
    [InlineData("2026-11-25", 5, 2020, null)]
    public void The_realistic_Match_is_the_next_one_plus_what_the_profile_needs_never_before_graduation(string day, long open, long graduation, int? expected)
    {
        var facts = SeasonScripts.Facts(Script, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            ("exams_open", AnswerValue.Of(open)), ("graduation_year", AnswerValue.Of(graduation)));

        Assert.Equal(expected, PlanWriter.RealisticMatch(Script, facts)!.Value.Year);
    }

    [Fact]
    public void Without_a_season_or_a_rule_there_is_no_realistic_Match()
    {
        Assert.Null(PlanWriter.RealisticMatch(Script, SeasonScripts.Facts(Script, new DateOnly(2031, 1, 1))));
        Assert.Null(PlanWriter.RealisticMatch(TestScripts.Load(), new Facts(new Dictionary<string, AnswerValue>(), TestScripts.Load(), new DateOnly(2026, 11, 25))));
    }

    [Fact]
    public void A_day_without_a_season_is_an_error_of_validation()
    {
        var problems = SeasonRules.CheckDate(Script, new DateOnly(2028, 9, 21));

        var problem = Assert.Single(problems, p => p.Code == ProblemCodes.NoSeason);
        Assert.False(problem.IsWarning);
        Assert.Contains("no season covers 2028-09-21", problem.Message, StringComparison.Ordinal);
        Assert.Contains(": error CC051:", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2028-07-21", false)]
    [InlineData("2028-07-22", true)]
    [InlineData("2028-09-20", true)]
    public void The_last_season_ending_within_60_days_is_a_warning(string day, bool warned)
    {
        var problems = SeasonRules.CheckDate(Script, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        var ending = problems.Where(p => p.Code == ProblemCodes.NoSeason).ToList();
        Assert.Equal(warned, ending.Count == 1);
        Assert.All(ending, p => Assert.True(p.IsWarning));
        Assert.All(ending, p => Assert.Contains(": warning CC051:", p.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-12-04", new string[] { "now_b", "during" })]
    [InlineData("2026-06-02", new string[] { "now_b", "during" })]
    [InlineData("2026-06-01", new string[] { "during" })]
    [InlineData("2027-12-05", new string[] { "now_a", "now_b", "before", "during" })]
    public void Advice_reviewed_more_than_12_months_ago_or_never_is_a_warning(string day, string[] stale)
    {
        var seasonless = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var problems = SeasonRules.CheckDate(Script, seasonless).Where(p => p.Code == ProblemCodes.NotReviewed).ToList();

        Assert.Equal(stale, problems.Select(p => p.Message.Split('\'')[1]));
        Assert.All(problems, p => Assert.True(p.IsWarning));
    }

    [Fact]
    public void A_script_without_seasons_gets_no_date_problems()
    {
        Assert.Empty(SeasonRules.CheckDate(TestScripts.Load(), new DateOnly(2040, 1, 1)));
    }
}
