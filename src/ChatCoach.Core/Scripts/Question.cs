using ChatCoach.Core.Answers;

namespace ChatCoach.Core.Scripts;

/// <summary>What an ask node expects: the kind of answer, its bounds, where to store it and how to ask again.</summary>
public sealed record Question
{
    /// <summary>The kind of answer, which decides the reader.</summary>
    public required AnswerKind Kind { get; init; }

    /// <summary>The answer name the value is stored under.</summary>
    public required string Store { get; init; }

    /// <summary>A short name for the topic, used in "still missing" lists.</summary>
    public required string Topic { get; init; }

    /// <summary>Said (with the question) when an answer cannot be read or is out of range.</summary>
    public required string Reask { get; init; }

    /// <summary>What the question means and how to answer it, for /help.</summary>
    public string? Help { get; init; }

    /// <summary>Smallest accepted number (counts, years, months).</summary>
    public long? Min { get; init; }

    /// <summary>Largest accepted number.</summary>
    public long? Max { get; init; }

    /// <summary>For years: the latest accepted year, as years after the current one (students give future years).</summary>
    public int? MaxYearsAhead { get; init; }

    /// <summary>
    /// What an unknown answer means for the advice: the value conditions see instead ("abroad" gives the advice
    /// that covers the most), <see cref="AnswerValue.Unknown"/> for "as if unanswered", or null when not set.
    /// </summary>
    public AnswerValue? UnknownDefault { get; init; }

    /// <summary>For choice questions, the options.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>The largest number accepted today, combining <see cref="Max"/> and <see cref="MaxYearsAhead"/>.</summary>
    public long? MaxOn(DateOnly today) => MaxYearsAhead is { } ahead
        ? Math.Min(Max ?? long.MaxValue, today.Year + ahead)
        : Max;
}
