using ChatCoach.Core.Answers;
using ChatCoach.Core.Engine;

namespace ChatCoach.Core.Tests.Engine;

public sealed class DialogEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly DialogEngine _engine = new(TestScripts.Load());
    private readonly Session _session;

    public DialogEngineTests() => _session = TestScripts.NewSession(_engine.Script);

    private TurnResult Say(string text) => _engine.Step(_session, Input.Message(text), Now);

    private static string Text(TurnResult result) => string.Join("\n", result.Replies.Select(r => r.ToPlainText()));

    private void Reach(string node, params string[] answers)
    {
        _engine.Step(_session, Input.Open(), Now);
        foreach (var answer in answers)
        {
            Say(answer);
        }

        Assert.Equal(node, _session.Node);
    }

    [Fact]
    public void Opening_says_the_say_nodes_then_asks_the_first_question()
    {
        var result = _engine.Step(_session, Input.Open(), Now);

        Assert.Equal(TurnOutcome.Opened, result.Outcome);
        Assert.Equal(["Hello there.", "What year did you graduate?"], result.Replies.Select(r => r.Text));
        Assert.Equal("graduation_year", _session.Node);
        Assert.Equal("graduation_year", result.Replies[^1].Node);
    }

    [Fact]
    public void Any_first_message_opens_the_conversation_without_being_taken_as_an_answer()
    {
        var result = Say("2015");

        Assert.Equal(TurnOutcome.Opened, result.Outcome);
        Assert.Empty(_session.Answers);
        Assert.Equal("graduation_year", _session.Node);
    }

    [Fact]
    public void A_readable_answer_is_stored_as_its_value_and_the_next_question_asked()
    {
        Reach("graduation_year");

        var result = Say("class of 2015");

        Assert.Equal(TurnOutcome.Answered, result.Outcome);
        Assert.Equal(AnswerValue.Of(2015), _session.Answers["graduation_year"]);
        Assert.Equal("attempts", _session.Node);
        Assert.Contains("How many Step 1 attempts?", Text(result));
    }

    [Theory]
    [InlineData("1", "passed")]
    [InlineData("twice", "passed")]
    [InlineData("0", "usce")]
    [InlineData("zero", "usce")]
    public void Branches_follow_the_stored_answer(string attempts, string next)
    {
        Reach("attempts", "2015");

        Say(attempts);

        Assert.Equal(next, _session.Node);
    }

    [Theory]
    [InlineData("graduation_year", "3026")]
    [InlineData("graduation_year", "1900")]
    [InlineData("attempts", "40 attempts")]
    [InlineData("attempts", "-1")]
    public void Out_of_range_values_are_reasked_and_not_stored(string node, string answer)
    {
        Reach("graduation_year");
        if (node == "attempts")
        {
            Say("2015");
        }

        var result = Say(answer);

        Assert.Equal(TurnOutcome.Reasked, result.Outcome);
        Assert.Equal(node, _session.Node);
        Assert.DoesNotContain(_engine.Script.Nodes[node].Question!.Store, _session.Answers.Keys);
        Assert.Contains(_engine.Script.Nodes[node].Question!.Reask, Text(result));
    }

    [Fact]
    public void Students_may_give_a_year_up_to_the_configured_years_ahead()
    {
        Reach("graduation_year");

        Assert.Equal(TurnOutcome.Reasked, Say("2033").Outcome);
        Assert.Equal(TurnOutcome.Answered, Say("2032").Outcome);
    }

    [Fact]
    public void After_three_failed_tries_the_bot_offers_to_skip_and_skip_stores_an_unknown()
    {
        Reach("graduation_year");

        Assert.DoesNotContain("skip", Text(Say("idk")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("skip", Text(Say("dunno")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("type skip", Text(Say("no idea")), StringComparison.OrdinalIgnoreCase);
        var skipped = Say("skip");

        Assert.Equal(TurnOutcome.Skipped, skipped.Outcome);
        Assert.Equal("attempts", _session.Node);
        Assert.Equal(AnswerValue.Unknown, Assert.Single(_session.Answers).Value);
        Assert.Equal(0, _session.Tries);
    }

    [Fact]
    public void Skip_is_not_accepted_before_it_is_offered()
    {
        Reach("graduation_year");

        Assert.Equal(TurnOutcome.Reasked, Say("skip").Outcome);
        Assert.Equal("graduation_year", _session.Node);
    }

    [Fact]
    public void A_click_answers_the_question_it_was_shown_with()
    {
        Reach("usce", "2015", "0");
        var asked = _session.Turn;

        var result = _engine.Step(_session, Input.Click("usce", asked, "observership"), Now);

        Assert.Equal(TurnOutcome.Answered, result.Outcome);
        Assert.Equal(AnswerValue.Of("observership"), _session.Answers["usce"]);
    }

    [Fact]
    public void A_click_on_an_old_question_is_stale_and_changes_nothing()
    {
        Reach("usce", "2015", "0");
        var asked = _session.Turn;
        Say("none");

        var result = _engine.Step(_session, Input.Click("usce", asked, "observership"), Now);

        Assert.Equal(TurnOutcome.Stale, result.Outcome);
        Assert.Equal(AnswerValue.Of("none"), _session.Answers["usce"]);
        Assert.Equal("specialty", _session.Node);
    }

    [Fact]
    public void Typed_choices_work_by_label_and_by_number()
    {
        Reach("usce", "2015", "0");
        Say("2");
        Assert.Equal(AnswerValue.Of("observership"), _session.Answers["usce"]);
    }

    [Fact]
    public void Back_reopens_the_last_question_showing_the_answer_and_a_new_answer_replaces_it()
    {
        Reach("attempts", "2015");

        var back = _engine.Step(_session, Input.Run(Command.Back), Now);
        Assert.Equal(TurnOutcome.WentBack, back.Outcome);
        Assert.Equal("graduation_year", _session.Node);
        Assert.Contains("2015", Text(back));
        Assert.Contains("What year did you graduate?", Text(back));

        Say("2018");
        Assert.Equal(AnswerValue.Of(2018), _session.Answers["graduation_year"]);
        Assert.Equal("attempts", _session.Node);
    }

    [Fact]
    public void Back_from_the_plan_reopens_the_last_question()
    {
        Reach("plan", "2015", "0", "none", "surgery");

        _engine.Step(_session, Input.Run(Command.Back), Now);

        Assert.Equal("specialty", _session.Node);
    }

    [Fact]
    public void Back_with_nothing_to_go_back_to_says_so_and_stays()
    {
        Reach("graduation_year");

        var result = _engine.Step(_session, Input.Run(Command.Back), Now);

        Assert.Contains(_engine.Script.Texts.NothingToGoBackTo, Text(result));
        Assert.Equal("graduation_year", _session.Node);
    }

    [Fact]
    public void Plan_midway_shows_matching_advice_and_what_is_missing_without_moving()
    {
        Reach("usce", "2015", "1", "no");
        var turn = _session.Turn;

        var result = _engine.Step(_session, Input.Run(Command.Plan), Now);

        var text = Text(result);
        Assert.Contains("Book the retake only when ready.", text);
        Assert.Contains("Show recent clinical work.", text);
        Assert.Contains("Still to answer: US clinical experience, specialty.", text);
        Assert.DoesNotContain("year of graduation", text);
        Assert.Equal("usce", _session.Node);
        Assert.Equal(turn, _session.Turn);
    }

    [Fact]
    public void The_plan_lists_steps_with_reason_encouragement_and_source()
    {
        var result = _engine.Step(_session, Input.Open(), Now);
        foreach (var answer in new[] { "2015", "1", "no", "none" })
        {
            result = Say(answer);
        }

        result = Say("surgery");

        var text = Text(result);
        Assert.Equal(TurnOutcome.Completed, result.Outcome);
        Assert.StartsWith("Your plan:", text);
        Assert.True(text.IndexOf("A fail is a setback", StringComparison.Ordinal) > text.IndexOf("1. Book the retake", StringComparison.Ordinal));
        Assert.Contains("Why: Attempts are limited.", text);
        Assert.Contains("Source: usmle.org (2021)", text);
        Assert.Contains("Older graduates match too.", text);
        Assert.True(text.IndexOf("1. Book the retake", StringComparison.Ordinal) < text.IndexOf("2. Show recent clinical work.", StringComparison.Ordinal));
        Assert.DoesNotContain("Still to answer", text);
    }

    [Fact]
    public void Advice_whose_condition_does_not_hold_is_left_out()
    {
        Reach("plan", "2024", "0", "none", "surgery");

        var text = _engine.PlanFor(_session, DateOnly.FromDateTime(Now.UtcDateTime));

        Assert.DoesNotContain("retake", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("recent clinical work", text);
        Assert.Contains(_engine.Script.Texts.PlanEmpty, text);
    }

    [Fact]
    public void Help_explains_the_current_question_with_the_commands_and_the_disclaimer()
    {
        Reach("graduation_year");

        var result = Say("help");

        var text = Text(result);
        Assert.Contains("The year you finished medical school.", text);
        Assert.Contains("/plan", text);
        Assert.Contains("not affiliated with USMLE", text);
        Assert.Equal("graduation_year", _session.Node);
    }

    [Theory]
    [InlineData("I need help with research")]
    [InlineData("help me choose, maybe surgery")]
    [InlineData("plan to do surgery")]
    public void Words_typed_as_answers_never_trigger_commands(string answer)
    {
        Reach("specialty", "2015", "0", "none");

        var result = Say(answer);

        Assert.Equal(TurnOutcome.Completed, result.Outcome);
        Assert.Equal(AnswerValue.Of(answer), _session.Answers["specialty"]);
    }

    [Fact]
    public void An_unknown_slash_command_lists_the_commands()
    {
        Reach("graduation_year");

        var text = Text(Say("/dance"));

        Assert.Contains(_engine.Script.Texts.UnknownCommand, text);
        Assert.Contains("/forget", text);
    }

    [Fact]
    public void Start_asks_for_confirmation_and_yes_clears_the_answers()
    {
        Reach("attempts", "2015");

        var ask = Say("/start");
        Assert.Equal(Command.Start, ask.Replies[^1].Confirms);
        Assert.Equal("attempts", _session.Node);

        var restart = Say("yes");
        Assert.Equal(TurnOutcome.Restarted, restart.Outcome);
        Assert.Empty(_session.Answers);
        Assert.Empty(_session.History);
        Assert.Equal("graduation_year", _session.Node);
        Assert.Contains("Hello there.", Text(restart));
    }

    [Fact]
    public void Anything_but_yes_cancels_a_confirmation_and_repeats_the_open_question()
    {
        Reach("attempts", "2015");
        Say("/start");

        var result = Say("no, keep going");

        Assert.Contains(_engine.Script.Texts.Cancelled, Text(result));
        Assert.Contains("How many Step 1 attempts?", Text(result));
        Assert.Equal(AnswerValue.Of(2015), _session.Answers["graduation_year"]);
        Assert.Null(_session.Pending);
    }

    [Fact]
    public void Forget_confirmed_asks_the_service_to_erase_the_user()
    {
        Reach("attempts", "2015");

        Say("/forget");
        var result = _engine.Step(_session, Input.Confirm(Command.Forget, confirmed: true), Now);

        Assert.True(result.EraseUser);
        Assert.Equal(TurnOutcome.Forgotten, result.Outcome);
    }

    [Fact]
    public void A_confirmation_nobody_asked_for_is_stale()
    {
        Reach("attempts", "2015");

        var result = _engine.Step(_session, Input.Confirm(Command.Forget, confirmed: true), Now);

        Assert.False(result.EraseUser);
        Assert.Equal(TurnOutcome.Stale, result.Outcome);
    }

    public static TheoryData<string[]> EveryQuestion() => new(
        [],
        ["2015"],
        ["2015", "1"],
        ["2015", "0"],
        ["2015", "0", "none"],
        ["2015", "0", "none", "surgery"]);

    [Theory]
    [MemberData(nameof(EveryQuestion))]
    public void Crisis_is_answered_first_from_every_node_and_coaching_resumes_only_when_asked(string[] answers)
    {
        _engine.Step(_session, Input.Open(), Now);
        foreach (var answer in answers)
        {
            Say(answer);
        }

        var node = _session.Node;
        var stored = _session.Answers.Count;

        var crisis = Say("honestly I want to end it all");
        Assert.Equal(TurnOutcome.Crisis, crisis.Outcome);
        Assert.Equal(["I'm so sorry.", "Are you safe right now? Call or text 988."], crisis.Replies.Select(r => r.Text));

        Assert.Equal("Tele-MANAS 14416.", Text(Say("I'm in India")));
        Assert.Equal(TurnOutcome.Paused, Say("2").Outcome);
        Assert.Equal(stored, _session.Answers.Count);

        var resumed = Say("ok let's continue");
        Assert.Equal(TurnOutcome.Resumed, resumed.Outcome);
        Assert.Equal(node, _session.Node);
        Assert.False(_session.Paused);
        Assert.Contains("OK, back to it.", Text(resumed));
    }

    [Theory]
    [InlineData("I can't continue like this")]
    [InlineData("my resume needs work, continue is hard")]
    public void Coaching_resumes_only_when_the_whole_message_asks_for_it(string message)
    {
        Reach("attempts", "2015");
        Say("I want to die");

        Assert.Equal(TurnOutcome.Paused, Say(message).Outcome);
        Assert.True(_session.Paused);
        Assert.Equal(TurnOutcome.Resumed, Say("Continue, please").Outcome);
    }

    [Fact]
    public void Changing_an_answer_forgets_answers_to_questions_no_longer_on_the_path()
    {
        Reach("usce", "2015", "1", "no");
        _engine.Step(_session, Input.Run(Command.Back), Now);
        _engine.Step(_session, Input.Run(Command.Back), Now);
        Assert.Equal("attempts", _session.Node);

        Say("0");

        Assert.Equal("usce", _session.Node);
        Assert.DoesNotContain("step1_passed", _session.Answers.Keys);
        Assert.DoesNotContain("passed", _session.History);
        Assert.DoesNotContain("Book the retake", _engine.PlanFor(_session, DateOnly.FromDateTime(Now.UtcDateTime)));
    }

    [Fact]
    public void A_returning_user_is_welcomed_back_at_the_open_question()
    {
        Reach("attempts", "2015");

        var result = _engine.Step(_session, Input.Open(), Now);

        Assert.Equal(TurnOutcome.WelcomedBack, result.Outcome);
        Assert.Equal([_engine.Script.Texts.WelcomeBack, "How many Step 1 attempts?"], result.Replies.Select(r => r.Text));
    }

    [Fact]
    public void A_message_after_the_plan_points_to_the_commands()
    {
        Reach("plan", "2015", "0", "none", "surgery");

        var result = Say("thanks!");

        Assert.Equal(TurnOutcome.Finished, result.Outcome);
        Assert.Contains("/plan", Text(result));
    }

    [Fact]
    public void The_mermaid_graph_shows_every_node_and_the_branch_conditions()
    {
        var graph = _engine.ToMermaid();

        Assert.StartsWith("stateDiagram-v2", graph.TrimStart());
        foreach (var node in _engine.Script.Nodes.Keys)
        {
            Assert.Contains(node, graph);
        }

        Assert.Contains("step1_attempts ≥ 1", graph);
    }

    [Fact]
    public async Task Concurrent_turns_on_different_sessions_do_not_interfere()
    {
        var sessions = Enumerable.Range(0, 200).Select(i => Session.New("test", $"u{i}", _engine.Script.Id, _engine.Script.Version, Now)).ToList();

        await Parallel.ForEachAsync(sessions, (session, _) =>
        {
            var attempts = session.UserId.GetHashCode(StringComparison.Ordinal) % 2 == 0 ? "0" : "2";
            _engine.Step(session, Input.Open(), Now);
            foreach (var answer in new[] { "2015", attempts })
            {
                _engine.Step(session, Input.Message(answer), Now);
            }

            Assert.Equal(attempts == "0" ? "usce" : "passed", session.Node);
            return ValueTask.CompletedTask;
        });
    }
}
