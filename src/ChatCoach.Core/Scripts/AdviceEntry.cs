namespace ChatCoach.Core.Scripts;

/// <summary>
/// Advice for a profile: when it applies, when to act on it, concrete steps, at most one word of encouragement
/// (with its own source), and where the facts come from.
/// </summary>
public sealed record AdviceEntry
{
    /// <summary>Unique id, used in tests and exports.</summary>
    public required string Id { get; init; }

    /// <summary>When the advice applies.</summary>
    public required Condition When { get; init; }

    /// <summary>When in the season its steps are done; the plan groups steps by it.</summary>
    public AdvicePhase Phase { get; init; } = AdvicePhase.Now;

    /// <summary>One or two sentences of encouragement, or null.</summary>
    public string? Encouragement { get; init; }

    /// <summary>Where a figure in the encouragement comes from, printed under the step that shows it; null when it quotes none.</summary>
    public string? EncouragementSource { get; init; }

    /// <summary>What to do, each with its reason.</summary>
    public required IReadOnlyList<AdviceStep> Steps { get; init; }

    /// <summary>Sources, each with its year.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>The day a person last checked the entry against its sources, or null.</summary>
    public DateOnly? Reviewed { get; init; }

    /// <summary>Where the entry was written.</summary>
    public SourcePosition Position { get; init; }
}

/// <summary>One concrete step and why it helps.</summary>
public sealed record AdviceStep(string Do, string Why);

/// <summary>When in the application season an advice entry's steps are done.</summary>
public enum AdvicePhase
{
    /// <summary>Start this week: the plan shows at most five of these, most important first.</summary>
    Now,

    /// <summary>Before the next Match's applications go to programs.</summary>
    BeforeSeason,

    /// <summary>While applications are out: interviews, rank list, Match Week and SOAP.</summary>
    InSeason,
}
