namespace ChatCoach.Core.Safety;

/// <summary>What a message sent while coaching is paused says, read against the safety question asked last.</summary>
public enum PausedReading
{
    /// <summary>Nothing the bot can act on: the paused note (or the question) again.</summary>
    Other,

    /// <summary>A clear wish to go back to coaching, with no risk in it.</summary>
    Resume,

    /// <summary>The riskier answer: not safe, or thinking of harming themselves (unclear answers land here).</summary>
    AtRisk,

    /// <summary>The reassuring answer: safe, or not thinking of harming themselves.</summary>
    Reassured,

    /// <summary>The country they are in.</summary>
    Country,
}
