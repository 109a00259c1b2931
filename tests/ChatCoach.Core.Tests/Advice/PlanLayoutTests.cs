using ChatCoach.Core.Advice;
using ChatCoach.Core.Answers;
using ChatCoach.Core.Scripts;
using ChatCoach.Core.Tests.Seasons;

namespace ChatCoach.Core.Tests.Advice;

/// <summary>The plan's shape: the realistic Match, at most five steps to do now, phases with the season's dates, encouragement sources.</summary>
public sealed class PlanLayoutTests
{
    private static readonly Script Script = SeasonScripts.Load();

    private static string Plan(DateOnly today, PlanGaps gaps) =>
        PlanWriter.Write(Script, "Plan for the {season.next_match} Match:",
            SeasonScripts.Facts(Script, today, ("graduation_year", AnswerValue.Of(2020)), ("exams_open", AnswerValue.Of(0))), gaps);

    [Fact]
    public void The_plan_opens_with_the_realistic_Match_and_fills_the_season_in()
    {
        var plan = Plan(new DateOnly(2026, 11, 25), PlanGaps.None);

        Assert.StartsWith("Plan for the 2028 Match:\n\nRealistic Match: the 2028 Match. Nothing stands in the way.\n\nDo now:\n\n1. A1.", plan);
    }

    [Fact]
    public void At_most_five_steps_are_to_do_now_and_the_rest_come_first_before_the_season()
    {
        var plan = Plan(new DateOnly(2026, 11, 25), PlanGaps.None);

        Assert.Contains("5. B2.\n   Why: b2.\n   Sources (4–5): B (2024)\n\nBefore 2028 applications (23 September 2027; check nrmp.org):\n\n6. B3.\n   Why: b3.\n   Source: B (2024)\n\n7. Pathway 6, the floor is 1 January 2026 (check ecfmg.org).", plan);
        Assert.Contains("\n\nDuring the season:\n\n8. Rank by 1 March 2028.", plan);

        var layout = PlanWriter.Layout(PlanWriter.Matching(Script, SeasonScripts.Facts(Script, new DateOnly(2026, 11, 25), ("graduation_year", AnswerValue.Of(2020)))));
        Assert.Equal([AdvicePhase.Now, AdvicePhase.BeforeSeason, AdvicePhase.InSeason], layout.Select(s => s.Phase));
        Assert.Equal(PlanWriter.NowSteps, layout[0].Steps.Count);
        Assert.Equal(["B3.", "Pathway 6, the floor is {season.pathways_graduation_floor} (check ecfmg.org)."], layout[1].Steps.Select(s => s.Step.Do));
    }

    [Fact]
    public void An_encouragement_and_its_source_appear_under_its_entrys_first_step_only()
    {
        var plan = Plan(new DateOnly(2026, 11, 25), PlanGaps.None);

        Assert.Contains("1. A1.\n   Why: a1.\n   Most pass (80%, 2024). (Source: Source A (2024))\n\n2. A2.\n   Why: a2.\n\n3. A3.\n   Why: a3.\n   Sources (1–3): A (2024)", plan);
        Assert.Contains("4. B1.\n   Why: b1.\n   Keep going.\n\n5. B2.", plan);
        Assert.Single(plan.Split("Source A (2024)").Skip(1));
    }

    [Fact]
    public void Empty_sections_are_left_out()
    {
        var layout = PlanWriter.Layout(Script.Advice.Where(a => a.Phase == AdvicePhase.InSeason).ToList());

        Assert.Equal([AdvicePhase.InSeason], layout.Select(s => s.Phase));
    }

    [Fact]
    public void Unknown_answers_and_questions_not_reached_are_listed_after_the_steps()
    {
        var plan = Plan(new DateOnly(2026, 11, 25), new PlanGaps(["specialty"], ["visa", "research"]));

        Assert.EndsWith("\n\nNot answered (the plan assumes the case that needs the most steps): visa, research.\n\nStill to answer: specialty.", plan);
    }

    [Fact]
    public void In_the_next_season_the_same_texts_name_the_next_Match_and_its_dates()
    {
        var plan = Plan(new DateOnly(2027, 10, 1), PlanGaps.None);

        Assert.StartsWith("Plan for the 2029 Match:\n\nRealistic Match: the 2029 Match.", plan);
        Assert.Contains("Before 2029 applications (21 September 2028; check nrmp.org):", plan);
        Assert.Contains("Rank by 28 February 2029.", plan);
        Assert.Contains("Pathway 6, the floor is 1 January 2027 (check ecfmg.org).", plan);
    }
}
