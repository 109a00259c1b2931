namespace ChatCoach.Core.Engine;

/// <summary>What one turn produced: the replies, what happened (for the funnel), and whether to erase the user.</summary>
public sealed record TurnResult(IReadOnlyList<Reply> Replies, TurnOutcome Outcome)
{
    /// <summary>The user confirmed /forget: erase everything stored about them instead of saving.</summary>
    public bool EraseUser { get; init; }
}

/// <summary>What happened in a turn, recorded without any message text.</summary>
public enum TurnOutcome
{
    /// <summary>The conversation opened.</summary>
    Opened,

    /// <summary>A returning user was welcomed back.</summary>
    WelcomedBack,

    /// <summary>An answer was read and stored.</summary>
    Answered,

    /// <summary>The answer could not be read or was out of range; the question was asked again.</summary>
    Reasked,

    /// <summary>The user skipped the question after failed tries.</summary>
    Skipped,

    /// <summary>The user went back to change an answer.</summary>
    WentBack,

    /// <summary>The last answer was given and the plan shown.</summary>
    Completed,

    /// <summary>A command that does not move the conversation (plan, help, confirmations asked or declined).</summary>
    Command,

    /// <summary>The conversation started over.</summary>
    Restarted,

    /// <summary>A crisis message paused coaching.</summary>
    Crisis,

    /// <summary>A message showing hopelessness: the bot asked whether they are thinking of harming themselves.</summary>
    Concern,

    /// <summary>A message showing distress without risk: acknowledged, and the question asked again.</summary>
    Distress,

    /// <summary>Coaching is paused; the user was answered without coaching.</summary>
    Paused,

    /// <summary>Coaching resumed after a pause.</summary>
    Resumed,

    /// <summary>A click on a question that was already answered.</summary>
    Stale,

    /// <summary>A message after the plan was given.</summary>
    Finished,

    /// <summary>The user asked to be forgotten and confirmed.</summary>
    Forgotten,
}
