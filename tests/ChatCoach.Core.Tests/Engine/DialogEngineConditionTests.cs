using ChatCoach.Core.Engine;

namespace ChatCoach.Core.Tests.Engine;

/// <summary>Each branch of the engine's decisions, taken both ways: resuming, clicks, confirmations, help, bounds and how answers are shown.</summary>
public sealed class DialogEngineConditionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly DialogEngine _engine = new(TestScripts.Load());
    private readonly Session _session;

    public DialogEngineConditionTests() => _session = TestScripts.NewSession(_engine.Script);

    private TurnResult Say(string text) => _engine.Step(_session, Input.Message(text), Now);

    private TurnResult Run(Command command) => _engine.Step(_session, Input.Run(command), Now);

    private static string Text(TurnResult result) => string.Join("\n", result.Replies.Select(r => r.ToPlainText()));

    private void Reach(params string[] answers)
    {
        _engine.Step(_session, Input.Open(), Now);
        foreach (var answer in answers)
        {
            Say(answer);
        }
    }

    [Fact]
    public void Resuming_after_the_plan_says_the_plan_is_ready_instead_of_asking()
    {
        Reach("2015", "0", "none", "surgery");
        Say("I want to die");

        var resumed = Say("continue");

        Assert.Equal(TurnOutcome.Resumed, resumed.Outcome);
        Assert.Equal(["OK, back to it.", _engine.Script.Texts.Finished], resumed.Replies.Select(r => r.Text));
    }

    [Fact]
    public void Resuming_mid_way_asks_the_open_question_with_its_buttons()
    {
        Reach("2015", "0");
        Say("I want to die");

        var resumed = Say("continue");

        Assert.Equal("Your US clinical experience?", resumed.Replies[^1].Text);
        Assert.Equal(2, resumed.Replies[^1].Choices.Count);
        Assert.Equal("usce", resumed.Replies[^1].Node);
    }

    [Fact]
    public void A_paused_user_who_opens_again_gets_the_paused_reply_not_a_question()
    {
        Reach("2015");
        Say("I want to die");

        var result = _engine.Step(_session, Input.Open(), Now);

        Assert.Equal(TurnOutcome.Paused, result.Outcome);
        Assert.Equal([_engine.Script.Texts.WelcomeBack, _engine.Script.Crisis.PausedReply], result.Replies.Select(r => r.Text));
    }

    [Fact]
    public void A_finished_user_who_opens_again_is_told_the_plan_is_ready()
    {
        Reach("2015", "0", "none", "surgery");

        var result = _engine.Step(_session, Input.Open(), Now);

        Assert.Equal(TurnOutcome.WelcomedBack, result.Outcome);
        Assert.Equal([_engine.Script.Texts.WelcomeBack, _engine.Script.Texts.Finished], result.Replies.Select(r => r.Text));
    }

    [Fact]
    public void A_click_while_paused_changes_nothing()
    {
        Reach("2015", "0");
        var turn = _session.Turn;
        Say("I want to die");

        var result = _engine.Step(_session, Input.Click("usce", turn, "none"), Now);

        Assert.Equal(TurnOutcome.Paused, result.Outcome);
        Assert.DoesNotContain("usce", _session.Answers.Keys);
    }

    [Theory]
    [InlineData("specialty", 0, "none")]
    [InlineData("usce", 1, "none")]
    [InlineData("usce", 0, "job")]
    public void A_click_on_another_question_turn_or_choice_is_stale(string node, int turnShift, string choice)
    {
        Reach("2015", "0");
        var turn = _session.Turn;

        var result = _engine.Step(_session, Input.Click(node, turn + turnShift, choice), Now);

        Assert.Equal(TurnOutcome.Stale, result.Outcome);
        Assert.Equal("usce", _session.Node);
        Assert.DoesNotContain("usce", _session.Answers.Keys);
    }

    [Fact]
    public void A_click_while_a_confirmation_is_pending_is_stale()
    {
        Reach("2015", "0");
        var turn = _session.Turn;
        Say("/start");

        var result = _engine.Step(_session, Input.Click("usce", turn, "none"), Now);

        Assert.Equal(TurnOutcome.Stale, result.Outcome);
        Assert.Equal(Command.Start, _session.Pending);
    }

    [Fact]
    public void A_click_on_a_question_without_choices_is_stale()
    {
        Reach();
        var turn = _session.Turn;

        var result = _engine.Step(_session, Input.Click("graduation_year", turn, "2015"), Now);

        Assert.Equal(TurnOutcome.Stale, result.Outcome);
    }

    [Fact]
    public void Back_shows_a_choice_answer_by_its_label()
    {
        Reach("2015", "0", "2");

        var back = Run(Command.Back);

        Assert.Contains("(Your answer was: Observership.)", Text(back));
        Assert.Equal(0, _session.Tries);
    }

    [Fact]
    public void Back_shows_a_text_answer_as_typed()
    {
        Reach("2015", "0", "none", "surgery");

        var back = Run(Command.Back);

        Assert.Contains("(Your answer was: surgery.)", Text(back));
    }

    [Fact]
    public void Back_at_the_start_of_a_finished_conversation_does_not_ask_again()
    {
        Reach("2015", "0", "none", "surgery");
        _session.History.Clear();

        var result = Run(Command.Back);

        Assert.Equal([_engine.Script.Texts.NothingToGoBackTo], result.Replies.Select(r => r.Text));
    }

    [Fact]
    public void Back_while_paused_gives_the_paused_reply()
    {
        Reach("2015");
        Say("I want to die");

        var result = Run(Command.Back);

        Assert.Equal(TurnOutcome.Paused, result.Outcome);
        Assert.Equal("attempts", _session.Node);
    }

    [Fact]
    public void Help_on_a_question_without_help_repeats_the_question()
    {
        Reach("2015");

        var text = Text(Say("?"));

        Assert.Contains("How many Step 1 attempts?", text);
        Assert.Contains(_engine.Script.Texts.Commands, text);
    }

    [Fact]
    public void Help_after_the_plan_says_what_the_bot_does()
    {
        Reach("2015", "0", "none", "surgery");

        var text = Text(Say("/help"));

        Assert.Contains("I coach applicants.", text);
        Assert.Contains(_engine.Script.Texts.Disclaimer, text);
    }

    [Fact]
    public void Help_before_anything_was_said_works_without_starting()
    {
        var result = Run(Command.Help);

        Assert.Contains("I coach applicants.", Text(result));
        Assert.Null(_session.Node);
    }

    [Fact]
    public void A_command_before_the_conversation_opens_it()
    {
        var result = Run(Command.Plan);

        Assert.Equal(TurnOutcome.Opened, result.Outcome);
        Assert.Equal("graduation_year", _session.Node);
    }

    [Fact]
    public void Start_with_nothing_answered_restarts_without_asking()
    {
        Reach();

        var result = Run(Command.Start);

        Assert.Equal(TurnOutcome.Restarted, result.Outcome);
        Assert.Null(_session.Pending);
    }

    [Fact]
    public void A_typed_yes_confirms_the_pending_command()
    {
        Reach("2015");
        Say("/restart");

        var result = Say("yes please");

        Assert.Equal(TurnOutcome.Restarted, result.Outcome);
        Assert.Empty(_session.Answers);
        Assert.Equal(0, _session.Tries);
        Assert.False(_session.Paused);
    }

    [Fact]
    public void Cancelling_after_the_plan_asks_nothing()
    {
        Reach("2015", "0", "none", "surgery");
        Say("/forget");

        var result = _engine.Step(_session, Input.Confirm(Command.Forget, confirmed: false), Now);

        Assert.Equal(TurnOutcome.Command, result.Outcome);
        Assert.Equal([_engine.Script.Texts.Cancelled], result.Replies.Select(r => r.Text));
    }

    [Fact]
    public void Cancelling_while_paused_asks_nothing()
    {
        Reach("2015");
        Say("I want to die");
        Say("/forget");

        var result = _engine.Step(_session, Input.Confirm(Command.Forget, confirmed: false), Now);

        Assert.Equal([_engine.Script.Texts.Cancelled], result.Replies.Select(r => r.Text));
    }

    [Fact]
    public void Forget_says_how_many_answers_were_erased()
    {
        Reach("2015", "0");
        Say("/forget");

        var result = _engine.Step(_session, Input.Confirm(Command.Forget, confirmed: true), Now);

        Assert.Contains("your 2 answers", Text(result));
    }

    [Theory]
    [InlineData("0", TurnOutcome.Answered)]
    [InlineData("6", TurnOutcome.Answered)]
    [InlineData("7", TurnOutcome.Reasked)]
    public void Counts_at_their_bounds_are_accepted(string count, TurnOutcome expected)
    {
        Reach("2015");

        Assert.Equal(expected, Say(count).Outcome);
    }

    [Theory]
    [InlineData("1950", TurnOutcome.Answered)]
    [InlineData("1949", TurnOutcome.Reasked)]
    public void Years_at_their_lower_bound_are_accepted(string year, TurnOutcome expected)
    {
        Reach();

        Assert.Equal(expected, Say(year).Outcome);
    }

    [Fact]
    public void Every_reply_to_a_question_carries_its_node_turn_and_choices()
    {
        Reach("2015");

        var reasked = Say("lots");

        Assert.Equal("attempts", reasked.Replies[^1].Node);
        Assert.Equal(_session.Turn, reasked.Replies[^1].Turn);
        Assert.Equal(1, _session.Tries);
    }

    [Fact]
    public void A_slash_command_with_words_after_it_is_still_the_command()
    {
        Reach("2015");

        Assert.Equal(Command.Forget, Say("/forget me please").Replies[^1].Confirms);
        Assert.Equal(TurnOutcome.Command, Say("no").Outcome);
        Assert.Equal(TurnOutcome.WentBack, Say("/BACK now").Outcome);
    }

    [Fact]
    public void A_say_node_fires_into_the_next_question_with_the_answers_so_far()
    {
        var result = _engine.Step(_session, Input.Open(), Now);

        Assert.Equal(2, result.Replies.Count);
        Assert.Null(result.Replies[0].Node);
        Assert.Empty(_session.History);
    }
}
