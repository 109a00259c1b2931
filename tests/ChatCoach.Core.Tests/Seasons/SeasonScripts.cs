using ChatCoach.Core.Answers;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Tests.Seasons;

/// <summary>A small script with two seasons, a realistic-Match rule, phases and review dates.</summary>
internal static class SeasonScripts
{
    public const string Yaml = """
        id: seasons
        start: year
        derived:
          years_since_graduation: { years_since: graduation_year }
        seasons:
          - from: 2026-09-24
            to: 2027-09-22
            match_in_progress: 2027
            next_match: 2028
            applications_open: { date: 2027-06-02, inferred: true }
            applications_submit: { date: 2027-09-23, inferred: true }
            rank_list_deadline: 2028-03-01
            match_day: 2028-03-17
            pathways_graduation_floor: { date: 2026-01-01, inferred: true }
            oet_floor: 2026-01-01
            pathway1_licence_floor: 2023-01-01
          - from: 2027-09-23
            to: 2028-09-20
            match_in_progress: 2028
            next_match: 2029
            applications_open: 2028-06-07
            applications_submit: 2028-09-21
            rank_list_deadline: 2029-02-28
            match_day: 2029-03-16
            pathways_graduation_floor: 2027-01-01
            oet_floor: 2027-01-01
            pathway1_licence_floor: 2024-01-01
        realistic_match:
          not_before: graduation_year
          rules:
            - when: { exams_open: { gte: 4 } }
              add: none
              because: "No Match through USMLE."
            - when: { exams_open: { gte: 2 }, season.months_to_submission: { lt: 11 } }
              add: 1
              because: "Two exams take a year."
            - add: 0
              because: "Nothing stands in the way."
        nodes:
          year:
            ask: "Year of graduation?"
            kind: year
            store: graduation_year
            max_years_ahead: 6
            reask: "A year."
            next: exams
          exams:
            ask: "Exams still open?"
            kind: count
            store: exams_open
            reask: "A number."
            next: plan
          plan:
            end: "Plan for the {season.next_match} Match:"
        advice:
          - id: now_a
            when: always
            encouragement:
              text: "Most pass (80%, 2024)."
              source: "Source A (2024)"
            steps:
              - do: "A1."
                why: "a1."
              - do: "A2."
                why: "a2."
              - do: "A3."
                why: "a3."
            sources: ["A (2024)"]
            reviewed: 2026-12-04
          - id: now_b
            when: always
            encouragement: "Keep going."
            steps:
              - do: "B1."
                why: "b1."
              - do: "B2."
                why: "b2."
              - do: "B3."
                why: "b3."
            sources: ["B (2024)"]
            reviewed: 2025-06-01
          - id: before
            phase: before_season
            when: { graduation_year: { lt: season.pathways_graduation_floor } }
            steps:
              - do: "Pathway 6, the floor is {season.pathways_graduation_floor} (check ecfmg.org)."
                why: "c."
            sources: ["C (2025)"]
            reviewed: 2026-12-04
          - id: during
            phase: in_season
            when: always
            steps:
              - do: "Rank by {season.rank_list_deadline}."
                why: "d."
            sources: ["D (2025)"]
        texts:
          before_season: "Before {season.next_match} applications ({season.applications_submit}; check nrmp.org):"
        """;

    // The crisis section is the test script's: this script is about seasons, not safety.
    public static Script Load() => TestScripts.Load(Yaml + "\n" + TestScripts.Yaml[TestScripts.Yaml.IndexOf("interrupts:", StringComparison.Ordinal)..]);

    public static Facts Facts(Script script, DateOnly today, params (string Name, AnswerValue Value)[] answers) =>
        new(answers.ToDictionary(a => a.Name, a => a.Value), script, today);
}
