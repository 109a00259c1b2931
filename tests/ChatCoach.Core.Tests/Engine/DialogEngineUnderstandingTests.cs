using ChatCoach.Core.Answers;
using ChatCoach.Core.Engine;

namespace ChatCoach.Core.Tests.Engine;

/// <summary>"Not sure", "skip" and unreadable answers, in a script that accepts unknown answers and one that does not.</summary>
public sealed class DialogEngineUnderstandingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    // The test script with the understanding section and an unknown_default on every question: an unknown year
    // counts as 2010 (so the old-graduate advice applies), an unknown result as "not passed".
    private static readonly string Understanding = TestScripts.Yaml
        .Replace("start: hello", """
            start: hello
            understanding:
              unknown_words: ["not sure", "dont know", "no idea", "idk", "skip"]
              move_on_after: 3
            """, StringComparison.Ordinal)
        .Replace("    max_years_ahead: 6\n", "    max_years_ahead: 6\n    unknown_default: 2010\n", StringComparison.Ordinal)
        .Replace("    max: 6\n", "    max: 6\n    unknown_default: ~\n", StringComparison.Ordinal)
        .Replace("    reask: \"Yes or no, please.\"\n", "    reask: \"Yes or no, please.\"\n    unknown_default: false\n", StringComparison.Ordinal)
        .Replace("    reask: \"Pick one of the options.\"\n", "    reask: \"Pick one of the options.\"\n    unknown_default: none\n", StringComparison.Ordinal)
        .Replace("    reask: \"Tell me the specialty in a few words.\"\n", "    reask: \"Tell me the specialty in a few words.\"\n    unknown_default: ~\n", StringComparison.Ordinal)
        .Replace("label: None yet", "label: None yet\n        synonyms: [\"no idea\"]", StringComparison.Ordinal);

    private readonly DialogEngine _engine = new(TestScripts.Load(Understanding));
    private readonly DialogEngine _strict = new(TestScripts.Load());

    private static string Text(TurnResult result) => string.Join("\n", result.Replies.Select(r => r.ToPlainText()));

    private static Session Reach(DialogEngine engine, params string[] answers)
    {
        var session = TestScripts.NewSession(engine.Script);
        engine.Step(session, Input.Open(), Now);
        foreach (var answer in answers)
        {
            engine.Step(session, Input.Message(answer), Now);
        }

        return session;
    }

    private static TurnResult Say(DialogEngine engine, Session session, string text) => engine.Step(session, Input.Message(text), Now);

    [Theory]
    [InlineData("not sure")]
    [InlineData("Not sure.")]
    [InlineData("I don't know")]
    [InlineData("ok, no idea")]
    [InlineData("idk")]
    [InlineData("skip")]
    public void Unknown_words_are_accepted_at_once_stored_as_unknown_and_said_so(string text)
    {
        var session = Reach(_engine);

        var result = Say(_engine, session, text);

        Assert.Equal(TurnOutcome.Skipped, result.Outcome);
        Assert.Equal(AnswerValue.Unknown, session.Answers["graduation_year"]);
        Assert.Equal("attempts", session.Node);
        Assert.Equal(0, session.Tries);
        Assert.Contains(_engine.Script.Texts.UnknownNoted, Text(result));
        Assert.Contains("How many Step 1 attempts?", Text(result));
    }

    [Fact]
    public void An_unknown_word_inside_a_longer_answer_is_no_unknown()
    {
        var session = Reach(_engine);

        var result = Say(_engine, session, "2015, not sure about the month");

        Assert.Equal(TurnOutcome.Reasked, result.Outcome);
        Assert.Equal("graduation_year", session.Node);
    }

    [Fact]
    public void A_choice_typed_exactly_wins_over_an_unknown_word()
    {
        var session = Reach(_engine, "2015", "0");

        Say(_engine, session, "no idea");

        Assert.Equal(AnswerValue.Of("none"), session.Answers["usce"]);
    }

    [Fact]
    public void After_three_unreadable_answers_the_bot_moves_on_by_itself_and_says_so()
    {
        var session = Reach(_engine);

        Assert.Equal(TurnOutcome.Reasked, Say(_engine, session, "hmm").Outcome);
        var second = Say(_engine, session, "the one after covid");
        Assert.Equal(TurnOutcome.Reasked, second.Outcome);
        Assert.DoesNotContain("type skip", Text(second), StringComparison.OrdinalIgnoreCase);
        var third = Say(_engine, session, "whenever");

        Assert.Equal(TurnOutcome.Skipped, third.Outcome);
        Assert.Contains(_engine.Script.Texts.MovedOn, Text(third));
        Assert.Equal(AnswerValue.Unknown, session.Answers["graduation_year"]);
        Assert.Equal("attempts", session.Node);
        Assert.Equal(0, session.Tries);
    }

    [Fact]
    public void Without_the_setting_unknown_words_are_asked_again_for_ever()
    {
        var session = Reach(_strict);

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(TurnOutcome.Reasked, Say(_strict, session, "idk").Outcome);
        }

        Assert.Equal("graduation_year", session.Node);
        Assert.Empty(session.Answers);
    }

    [Fact]
    public void Without_the_setting_skip_is_offered_after_three_tries_and_not_before()
    {
        var session = Reach(_strict);

        Assert.Equal(TurnOutcome.Reasked, Say(_strict, session, "skip").Outcome);
        Assert.DoesNotContain("type skip", Text(Say(_strict, session, "idk")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("type skip", Text(Say(_strict, session, "idk")), StringComparison.OrdinalIgnoreCase);
        var skipped = Say(_strict, session, "skip");

        Assert.Equal(TurnOutcome.Skipped, skipped.Outcome);
        Assert.Contains(_strict.Script.Texts.Skipped, Text(skipped));
        Assert.Equal(AnswerValue.Unknown, session.Answers["graduation_year"]);
    }

    [Fact]
    public void Conditions_see_an_unknown_answer_as_its_unknown_default()
    {
        var session = Reach(_engine, "not sure", "2", "not sure", "none", "surgery");

        var plan = _engine.PlanFor(session, new DateOnly(2026, 11, 25));

        Assert.Equal("plan", session.Node);
        Assert.Contains("Book the retake only when ready.", plan);
        Assert.Contains("Show recent clinical work.", plan);
    }

    [Fact]
    public void An_unknown_default_of_tilde_is_as_if_unanswered_for_conditions()
    {
        var session = Reach(_engine, "2015", "not sure");

        Assert.Equal(AnswerValue.Unknown, session.Answers["step1_attempts"]);
        Assert.Equal("usce", session.Node);
    }

    [Fact]
    public void The_plan_lists_unknown_answers_as_not_answered_and_open_questions_as_still_missing()
    {
        var session = Reach(_engine, "2015", "1", "skip");

        var text = Text(_engine.Step(session, Input.Run(Command.Plan), Now));

        Assert.Contains($"{_engine.Script.Texts.NotAnswered} Step 1 result.", text);
        Assert.Contains($"{_engine.Script.Texts.StillMissing} US clinical experience, specialty.", text);
    }

    [Fact]
    public void Back_to_an_unknown_answer_shows_it_as_unknown_and_a_real_answer_replaces_it()
    {
        var session = Reach(_engine, "2015", "1", "not sure");

        var back = _engine.Step(session, Input.Run(Command.Back), Now);
        Say(_engine, session, "yes");

        Assert.Contains("(Your answer was: unknown.)", Text(back));
        Assert.Equal(AnswerValue.Of(true), session.Answers["step1_passed"]);
    }
}
