using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Answers;

/// <summary>What a reader may need besides the words: today's date (for "8 years ago") and the question's choices.</summary>
public sealed record ReadContext(DateOnly Today, IReadOnlyList<Choice> Choices)
{
    /// <summary>The longest free-text answer kept.</summary>
    public int MaxTextLength { get; init; } = 200;
}
