using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Answers;

/// <summary>What a reader may need besides the words: today's date (for "8 years ago") and the question's choices.</summary>
public sealed record ReadContext(DateOnly Today, IReadOnlyList<Choice> Choices)
{
    /// <summary>The choices already tokenised (the engine prepares them once per script version); null: done per read.</summary>
    internal IReadOnlyList<ChoiceReader.Candidate>? PreparedChoices { get; init; }

    /// <summary>The longest free-text answer kept.</summary>
    public int MaxTextLength { get; init; } = 200;
}
