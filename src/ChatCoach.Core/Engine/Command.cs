namespace ChatCoach.Core.Engine;

/// <summary>The commands that work at any point of a conversation.</summary>
public enum Command
{
    /// <summary>The plan for what is known so far, and what is still missing.</summary>
    Plan,

    /// <summary>Start over (after a confirmation).</summary>
    Start,

    /// <summary>Change the last answer.</summary>
    Back,

    /// <summary>What the current question means, the commands and the disclaimer.</summary>
    Help,

    /// <summary>Erase everything stored about the user (after a confirmation).</summary>
    Forget,
}
