namespace ChatCoach.Core.Answers;

/// <summary>The kind of answer a question expects; it decides which reader interprets the user's words.</summary>
public enum AnswerKind
{
    /// <summary>A whole number of times or things ("twice", "3 attempts").</summary>
    Count,

    /// <summary>A calendar year ("class of 2015", "8 years ago").</summary>
    Year,

    /// <summary>A duration, stored in whole months ("a year and a half" is 18).</summary>
    Months,

    /// <summary>Yes or no ("yep", "not yet").</summary>
    YesNo,

    /// <summary>One of the question's choices, by label, synonym or number.</summary>
    Choice,

    /// <summary>Short free text.</summary>
    Text,
}
