
namespace ChatCoach.Core.Scripts;

/// <summary>Advice for a profile: when it applies, a word of encouragement, concrete steps and where the facts come from.</summary>
public sealed record AdviceEntry
{
    /// <summary>Unique id, used in tests and exports.</summary>
    public required string Id { get; init; }

    /// <summary>When the advice applies.</summary>
    public required Condition When { get; init; }

    /// <summary>One or two sentences of encouragement.</summary>
    public required string Encouragement { get; init; }

    /// <summary>What to do, each with its reason.</summary>
    public required IReadOnlyList<AdviceStep> Steps { get; init; }

    /// <summary>Sources, each with its year.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Where the entry was written.</summary>
    public SourcePosition Position { get; init; }
}

/// <summary>One concrete step and why it helps.</summary>
public sealed record AdviceStep(string Do, string Why);
