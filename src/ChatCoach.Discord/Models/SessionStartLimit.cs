namespace ChatCoach.Discord.Models;

/// <summary>How many more sessions may be started (identifies, not resumes).</summary>
public sealed record SessionStartLimit
{
    /// <summary>Identifies allowed per window.</summary>
    public int Total { get; init; }

    /// <summary>Identifies left in this window.</summary>
    public int Remaining { get; init; }

    /// <summary>Milliseconds until the window resets.</summary>
    public long ResetAfter { get; init; }

    /// <summary>Identifies allowed per 5 seconds.</summary>
    public int MaxConcurrency { get; init; }
}
