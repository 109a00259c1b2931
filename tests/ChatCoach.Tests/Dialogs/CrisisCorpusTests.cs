using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Tests.Dialogs;

/// <summary>The coach script's safety check through the engine: what pauses coaching, what asks, and what must not.</summary>
public sealed class CrisisCorpusTests
{
    private static readonly DialogEngine Coach = new(ScriptLoader.LoadFileAsync(Path.Combine(RepositoryPaths.Dialogs, "coach.yaml")).GetAwaiter().GetResult().Script!);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static TurnOutcome Outcome(string message)
    {
        var session = Session.New("test", "u", Coach.Script.Id, Coach.Script.Version, Now);
        Coach.Step(session, Input.Open(), Now);
        return Coach.Step(session, Input.Message(message), Now).Outcome;
    }

    [Theory]
    [InlineData("I want to end it all")]
    [InlineData("honestly i want to die")]
    [InlineData("I've been thinking about suicide")]
    [InlineData("I feel suicidal after the result")]
    [InlineData("I might kill myself")]
    [InlineData("everyone would be better off without me")]
    [InlineData("I don't want to live anymore")]
    [InlineData("dont want to be alive")]
    [InlineData("there's no reason to live")]
    [InlineData("I want to hurt myself")]
    [InlineData("I have been self-harming again")]
    [InlineData("I'm going to take my own life")]
    [InlineData("I WANT TO END MY LIFE")]
    public void Messages_that_signal_crisis_pause_coaching(string message)
    {
        Assert.Equal(TurnOutcome.Crisis, Outcome(message));
    }

    [Theory]
    [InlineData("I can't go on like this")]
    [InlineData("there's no hope for me")]
    [InlineData("I don't see the point anymore")]
    public void Hopelessness_asks_whether_they_are_thinking_of_harming_themselves(string message)
    {
        Assert.Equal(TurnOutcome.Concern, Outcome(message));
    }

    [Theory]
    [InlineData("this rotation is killing it")]
    [InlineData("I want psychiatry")]
    [InlineData("I'm dying to match")]
    [InlineData("the exam killed me")]
    [InlineData("I graduated in 2015")]
    [InlineData("I need help with research")]
    [InlineData("my last attempt was a disaster")]
    [InlineData("I'm tired of studying")]
    [InlineData("emergency medicine")]
    [InlineData("I could die for a good night's sleep lol")]
    public void Ordinary_messages_do_not(string message)
    {
        Assert.DoesNotContain(Outcome(message), new[] { TurnOutcome.Crisis, TurnOutcome.Concern });
    }
}
