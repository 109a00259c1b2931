using ChatCoach.Core.Engine;
using ChatCoach.Core.Safety;

namespace ChatCoach.Core.Tests.Engine;

/// <summary>The engine's safety turns on the test script: levels, the questions it asks and how their answers are read.</summary>
public sealed class SafetyTurnTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly DialogEngine _engine = new(TestScripts.Load());
    private readonly Session _session;

    public SafetyTurnTests() => _session = TestScripts.NewSession(_engine.Script);

    private TurnResult Say(string text) => _engine.Step(_session, Input.Message(text), Now);

    private static string Text(TurnResult result) => string.Join("\n", result.Replies.Select(r => r.ToPlainText()));

    private void AtAttempts()
    {
        _engine.Step(_session, Input.Open(), Now);
        Say("2015");
        Assert.Equal("attempts", _session.Node);
    }

    [Fact]
    public void Concern_asks_directly_and_a_no_goes_back_to_the_open_question_with_care_storing_nothing()
    {
        AtAttempts();

        var concern = Say("there is no hope");
        Assert.Equal(TurnOutcome.Concern, concern.Outcome);
        Assert.Equal(["That sounds heavy.", "Are you thinking of harming yourself?"], concern.Replies.Select(r => r.Text));
        Assert.Equal((true, SafetyQuestion.HarmingYourself), (_session.Paused, _session.SafetyQuestion));

        var no = Say("no");
        Assert.Equal(TurnOutcome.Resumed, no.Outcome);
        Assert.Equal(["Thank you for telling me.", "How many Step 1 attempts?"], no.Replies.Select(r => r.Text));
        Assert.Equal((false, SafetyQuestion.None, 0), (_session.Paused, _session.SafetyQuestion, _session.Tries));
        Assert.Single(_session.Answers);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("idk")]
    [InlineData("not sure")]
    [InlineData("ok")]
    public void A_yes_or_an_unclear_answer_to_the_concern_question_is_crisis(string answer)
    {
        AtAttempts();
        Say("there is no hope");

        var result = Say(answer);

        Assert.Equal(TurnOutcome.Crisis, result.Outcome);
        Assert.Equal(["I'm so sorry.", "Are you safe right now? Call or text 988."], result.Replies.Select(r => r.Text));
        Assert.Equal(SafetyQuestion.AreYouSafe, _session.SafetyQuestion);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("not really")]
    [InlineData("ok")]
    [InlineData("idk")]
    [InlineData("there is no hope")]
    public void A_no_an_unclear_answer_or_more_hopelessness_after_are_you_safe_gets_the_urgent_reply(string answer)
    {
        AtAttempts();
        Say("I want to die");

        var result = Say(answer);

        Assert.Equal(TurnOutcome.Paused, result.Outcome);
        Assert.Equal("Call your emergency number now.", Text(result));
        Assert.True(_session.Paused);
    }

    [Fact]
    public void A_yes_to_are_you_safe_is_answered_and_coaching_waits_for_the_person_to_ask()
    {
        AtAttempts();
        Say("I want to die");

        Assert.Equal("Glad you're safe.", Text(Say("yes")));
        Assert.Equal((true, SafetyQuestion.None), (_session.Paused, _session.SafetyQuestion));
        Assert.Equal("I'm here when you want to continue.", Text(Say("yes")));
    }

    [Fact]
    public void Distress_is_acknowledged_and_the_question_asked_again_without_storing_or_counting_a_try()
    {
        AtAttempts();

        var result = Say("I'm so sad about 2 attempts");

        Assert.Equal(TurnOutcome.Distress, result.Outcome);
        Assert.Equal(["That sounds hard.", "How many Step 1 attempts?"], result.Replies.Select(r => r.Text));
        Assert.Equal("attempts", result.Replies[^1].Node);
        Assert.Equal((0, 1, false), (_session.Tries, _session.Answers.Count, _session.Paused));
    }

    [Fact]
    public void A_crisis_message_sent_as_an_answer_is_not_stored_and_is_not_a_failed_try()
    {
        AtAttempts();

        Assert.Equal(TurnOutcome.Crisis, Say("2 attempts and I want to die").Outcome);

        Assert.Equal((0, 1, "attempts"), (_session.Tries, _session.Answers.Count, _session.Node));
    }

    [Fact]
    public void A_returning_user_is_shown_the_paused_note_once()
    {
        AtAttempts();
        Say("I want to die");
        Say("yes");

        var first = _engine.Step(_session, Input.Open(), Now);
        var second = _engine.Step(_session, Input.Open(), Now);

        Assert.Contains("I'm here when you want to continue.", Text(first));
        Assert.DoesNotContain("I'm here when you want to continue.", Text(second));
        Assert.Equal(TurnOutcome.Paused, second.Outcome);
        Assert.Contains("I'm here when you want to continue.", Text(Say("hello")));
    }

    [Fact]
    public void The_safety_check_comes_before_commands()
    {
        AtAttempts();

        Assert.Equal(TurnOutcome.Crisis, Say("/plan I want to kill myself").Outcome);
    }

    [Fact]
    public void Restarting_forgets_the_safety_question()
    {
        AtAttempts();
        Say("there is no hope");
        _engine.Step(_session, Input.Run(Command.Start), Now);
        _engine.Step(_session, Input.Confirm(Command.Start, confirmed: true), Now);

        Assert.Equal((false, SafetyQuestion.None), (_session.Paused, _session.SafetyQuestion));
    }
}
