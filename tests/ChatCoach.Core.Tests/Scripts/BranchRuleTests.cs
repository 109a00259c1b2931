using ChatCoach.Core.Answers;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Tests.Scripts;

/// <summary>The one branch rule (<see cref="Node.NextFor"/>) and the paths built on it, which the engine and migration share.</summary>
public sealed class BranchRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Script Script = TestScripts.Load();

    private static Facts Facts(Script script, params (string Name, AnswerValue Value)[] answers) =>
        new(answers.ToDictionary(a => a.Name, a => a.Value), script, Today);

    [Fact]
    public void The_first_branch_whose_condition_holds_is_taken_else_the_default()
    {
        var attempts = Script.Nodes["attempts"];

        Assert.Equal("passed", attempts.NextFor(Facts(Script, ("step1_attempts", AnswerValue.Of(2))))!.Target);
        Assert.Equal("usce", attempts.NextFor(Facts(Script, ("step1_attempts", AnswerValue.Of(0))))!.Target);
        Assert.Equal("usce", attempts.NextFor(Facts(Script))!.Target);
        Assert.Null(Script.Nodes["plan"].NextFor(Facts(Script)));
    }

    [Fact]
    public void When_no_condition_holds_and_there_is_no_default_the_last_branch_is_taken()
    {
        var script = WithoutDefault();

        Assert.Equal("passed", script.Nodes["attempts"].NextFor(Facts(script, ("step1_attempts", AnswerValue.Of(0))))!.Target);
    }

    [Fact]
    public void The_path_follows_the_answers_to_the_end_node()
    {
        var path = Script.Path(Script.Start, Facts(Script, ("step1_attempts", AnswerValue.Of(0)))).Select(n => n.Id);

        Assert.Equal(["hello", "graduation_year", "attempts", "usce", "specialty", "plan"], path);
        Assert.Equal(["passed", "usce", "specialty", "plan"], Script.Path("passed", Facts(Script)).Select(n => n.Id));
        Assert.Empty(Script.Path("nowhere", Facts(Script)));
    }

    [Fact]
    public void Migration_walks_the_new_version_to_the_first_open_question_even_when_no_branch_matches()
    {
        var script = WithoutDefault();
        var session = TestScripts.NewSession(Script);
        session.Node = "gone";
        session.Answers["graduation_year"] = AnswerValue.Of(2015);
        session.Answers["step1_attempts"] = AnswerValue.Of(0);

        var moved = SessionMigration.MoveTo(session, script, Script, Today);

        Assert.True(moved);
        Assert.Equal("passed", session.Node);
        Assert.Equal(["graduation_year", "attempts"], session.History);
    }

    [Fact]
    public void Migration_stops_at_the_end_when_every_question_on_the_path_is_answered()
    {
        var session = TestScripts.NewSession(Script);
        session.Node = "gone";
        session.Answers["graduation_year"] = AnswerValue.Of(2015);
        session.Answers["step1_attempts"] = AnswerValue.Of(0);
        session.Answers["usce"] = AnswerValue.Unknown;
        session.Answers["specialty"] = AnswerValue.Of("surgery");

        SessionMigration.MoveTo(session, Script, null, Today);

        Assert.Equal("plan", session.Node);
        Assert.Equal(["graduation_year", "attempts", "usce", "specialty"], session.History);
    }

    [Fact]
    public void The_engine_moves_by_the_same_rule_as_the_path()
    {
        var engine = new DialogEngine(Script);
        var session = TestScripts.NewSession(Script);
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        engine.Step(session, Input.Open(), now);
        foreach (var answer in new[] { "2015", "3" })
        {
            engine.Step(session, Input.Message(answer), now);
        }

        var expected = Script.Path(Script.Start, Facts(Script, ("graduation_year", AnswerValue.Of(2015)), ("step1_attempts", AnswerValue.Of(3))))
            .First(n => n.Question is { } q && q.Store == "step1_passed");
        Assert.Equal(expected.Id, session.Node);
    }

    // The test script with the default branch of "attempts" removed: only "step1_attempts ≥ 1 → passed" is left.
    private static Script WithoutDefault()
    {
        var nodes = Script.Nodes.ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
        nodes["attempts"] = nodes["attempts"] with { Next = [nodes["attempts"].Next[0]] };
        return Script with { Nodes = nodes, Version = "without-default" };
    }
}
