using ChatCoach.Core.Advice;
using ChatCoach.Core.Answers;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Tests.Advice;

public sealed class PlanWriterTests
{
    private static readonly Script Script = TestScripts.Load(TestScripts.Yaml.Replace("""
          - id: old_yog
        """, """
          - id: always_first
            when: always
            encouragement: "First words."
            steps:
              - do: "Step A."
                why: "Reason A."
              - do: "Step B."
                why: "Reason B."
            sources: ["Source A (2020)", "Source B (2021)"]
          - id: old_yog
        """, StringComparison.Ordinal));

    private static string Plan(params (string Name, AnswerValue Value)[] answers)
    {
        var facts = new Facts(answers.ToDictionary(a => a.Name, a => a.Value), Script, new DateOnly(2026, 11, 25));
        return PlanWriter.Write(Script, "Plan:", facts, PlanGaps.None);
    }

    [Fact]
    public void An_always_entry_applies_to_every_profile()
    {
        Assert.Contains("1. Step A.", Plan());
    }

    [Fact]
    public void An_entry_cites_its_sources_once_after_its_last_step_naming_the_steps_they_back()
    {
        var plan = Plan(("step1_passed", AnswerValue.Of(false)));

        Assert.Contains("2. Step A.\n   Why: Reason A.\n   First words.\n\n3. Step B.\n   Why: Reason B.\n   Sources (2–3): Source A (2020); Source B (2021)", plan);
        Assert.Contains("1. Book the retake only when ready.\n   Why: Attempts are limited.\n   A fail is a setback, not the end.\n   Source: usmle.org (2021)", plan);
    }

    [Fact]
    public void Each_entry_shows_its_encouragement_under_its_first_step_only()
    {
        var plan = Plan(("step1_passed", AnswerValue.Of(false)), ("graduation_year", AnswerValue.Of(2010)));

        Assert.StartsWith("Plan:\n\nDo now:\n\n1. Book the retake only when ready.\n   Why: Attempts are limited.\n   A fail is a setback, not the end.\n   Source:", plan);
        Assert.Contains("2. Step A.\n   Why: Reason A.\n   First words.\n\n3. Step B.\n   Why: Reason B.\n   Sources", plan);
        Assert.Contains("4. Show recent clinical work.\n   Why: Programs look for currency.\n   Older graduates match too.", plan);
    }
}
