namespace ChatCoach.Core.Goldens;

/// <summary>A conversation a script must keep passing: what the user says or clicks, and what the bot must (not) reply.</summary>
public sealed record GoldenConversation
{
    /// <summary>The file it was loaded from.</summary>
    public required string File { get; init; }

    /// <summary>The script it runs on.</summary>
    public required string Script { get; init; }

    /// <summary>The day the conversation takes place, so relative answers ("8 years ago") are stable.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>Substrings the bot's opening must contain.</summary>
    public IReadOnlyList<string> Opening { get; init; } = [];

    /// <summary>The steps, in order.</summary>
    public required IReadOnlyList<GoldenStep> Steps { get; init; }

    /// <summary>What the plan the conversation ends with must be, or null to check only the replies.</summary>
    public GoldenPlan? Plan { get; init; }
}

/// <summary>The shape of a final plan: its realistic Match and the advice entries of its "do now" steps.</summary>
public sealed record GoldenPlan
{
    /// <summary>The realistic Match year, "none" when no US Match is open, or null when not checked.</summary>
    public string? Match { get; init; }

    /// <summary>The advice entries the "do now" steps come from, in order (an entry with two steps is named once).</summary>
    public IReadOnlyList<string>? Now { get; init; }
}

/// <summary>One step: a message or a click, and what must follow.</summary>
public sealed record GoldenStep
{
    /// <summary>The line of the step in its file.</summary>
    public int Line { get; init; }

    /// <summary>What the user types, or null for a click.</summary>
    public string? User { get; init; }

    /// <summary>The choice id the user clicks on the open question, or null for a message.</summary>
    public string? Click { get; init; }

    /// <summary>Substrings the reply must contain (case-insensitive).</summary>
    public IReadOnlyList<string> Expect { get; init; } = [];

    /// <summary>Substrings the reply must not contain (case-insensitive).</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>Answers that must be stored after the step, as written in YAML; "~" means not stored.</summary>
    public IReadOnlyDictionary<string, string?> Answers { get; init; } = new Dictionary<string, string?>();

    /// <summary>How the step reads in a report.</summary>
    public override string ToString() => User is not null ? $"user: \"{User}\"" : $"click: {Click}";
}
