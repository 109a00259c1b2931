using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Tests;

/// <summary>A small script exercising every answer kind, a branch, a say node and two advice entries.</summary>
internal static class TestScripts
{
    public const string Yaml = """
        id: test
        start: hello
        derived:
          years_since_graduation: { years_since: graduation_year }
        nodes:
          hello:
            say: "Hello there."
            next: graduation_year
          graduation_year:
            ask: "What year did you graduate?"
            kind: year
            store: graduation_year
            topic: year of graduation
            min: 1950
            max_years_ahead: 6
            reask: "I need a year, like 2015."
            help: "The year you finished medical school."
            next: attempts
          attempts:
            ask: "How many Step 1 attempts?"
            kind: count
            store: step1_attempts
            topic: Step 1 attempts
            min: 0
            max: 6
            reask: "A number from 0 to 6, please."
            next:
              - when: { step1_attempts: { gte: 1 } }
                goto: passed
              - goto: usce
          passed:
            ask: "Have you passed Step 1 now?"
            kind: yesno
            store: step1_passed
            topic: Step 1 result
            reask: "Yes or no, please."
            next: usce
          usce:
            ask: "Your US clinical experience?"
            kind: choice
            store: usce
            topic: US clinical experience
            reask: "Pick one of the options."
            choices:
              - id: none
                label: None yet
              - id: observership
                label: Observership
            next: specialty
          specialty:
            ask: "Which specialty are you aiming for?"
            kind: text
            store: specialty
            topic: specialty
            reask: "Tell me the specialty in a few words."
            next: plan
          plan:
            end: "Your plan:"
        advice:
          - id: retake
            when: { step1_passed: false }
            encouragement: "A fail is a setback, not the end."
            steps:
              - do: "Book the retake only when ready."
                why: "Attempts are limited."
            sources: ["usmle.org (2021)"]
          - id: old_yog
            when: { years_since_graduation: { gt: 5 } }
            encouragement: "Older graduates match too."
            steps:
              - do: "Show recent clinical work."
                why: "Programs look for currency."
            sources: ["Program FAQs (2024)"]
        interrupts:
          help: "I coach applicants."
          crisis:
            levels:
              crisis:
                opening: "I'm so sorry."
                reply: "Are you safe right now? Call or text 988."
                patterns: ["kill myself", "end it all", "want to die"]
              concern:
                opening: "That sounds heavy."
                reply: "Are you thinking of harming yourself?"
                patterns: ["no hope"]
              distress:
                opening: "That sounds hard."
                patterns: ["(sad|devastated)"]
            paused_reply: "I'm here when you want to continue."
            urgent_reply: "Call your emergency number now."
            safe_reply: "Glad you're safe."
            care_reply: "Thank you for telling me."
            not_safe: ["not safe", "not really"]
            unclear: ["ok", "not sure", "idk"]
            resume_words: ["continue", "go on"]
            resume_reply: "OK, back to it."
            countries:
              - names: [india]
                reply: "Tele-MANAS 14416."
        """;

    public static Script Load(string yaml = Yaml)
    {
        var result = ScriptLoader.Load("test.yaml", yaml);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Script!;
    }

    public static Session NewSession(Script script) =>
        Session.New("test", "u1", script.Id, script.Version, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
}
