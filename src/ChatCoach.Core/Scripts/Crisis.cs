namespace ChatCoach.Core.Scripts;

/// <summary>The safety interrupt: words that signal crisis, what the bot says, and how coaching resumes.</summary>
public sealed record Crisis
{
    /// <summary>Phrases that signal crisis or self-harm, matched as whole words in any message.</summary>
    public required IReadOnlyList<string> Words { get; init; }

    /// <summary>The first reply; coaching pauses after it.</summary>
    public required string Reply { get; init; }

    /// <summary>Said to any message while paused that is neither a country nor a wish to go on.</summary>
    public required string PausedReply { get; init; }

    /// <summary>Phrases with which the user asks to go back to coaching.</summary>
    public required IReadOnlyList<string> ResumeWords { get; init; }

    /// <summary>Said when coaching resumes, before the open question.</summary>
    public required string ResumeReply { get; init; }

    /// <summary>Local help lines, given when the user names their country while paused.</summary>
    public IReadOnlyList<CountryLines> Countries { get; init; } = [];
}

/// <summary>Help lines for the countries named by <paramref name="Names"/>.</summary>
public sealed record CountryLines(IReadOnlyList<string> Names, string Reply);
