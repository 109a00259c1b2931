using ChatCoach.Core.Answers;
using ChatCoach.Core.Safety;

namespace ChatCoach.Core.Engine;

/// <summary>
/// Where one user is in one conversation. The engine changes it during a turn; the conversation service
/// loads a fresh copy for every turn and throws it away when the turn cannot be saved.
/// </summary>
public sealed class Session
{
    /// <summary>The channel the user talks through ("terminal", "discord").</summary>
    public required string Platform { get; init; }

    /// <summary>The user's id on that platform.</summary>
    public required string UserId { get; init; }

    /// <summary>The script the conversation runs on.</summary>
    public required string ScriptId { get; set; }

    /// <summary>The version (content hash) of the script the conversation runs on.</summary>
    public required string ScriptVersion { get; set; }

    /// <summary>The current node; null before the conversation opens.</summary>
    public string? Node { get; set; }

    /// <summary>Answers as read, by answer name.</summary>
    public Dictionary<string, AnswerValue> Answers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Questions answered or skipped, oldest first, so /back can step back through them.</summary>
    public List<string> History { get; init; } = [];

    /// <summary>Failed tries at the current question.</summary>
    public int Tries { get; set; }

    /// <summary>A command waiting for the user's confirmation.</summary>
    public Command? Pending { get; set; }

    /// <summary>Whether coaching is paused after a crisis or concern message.</summary>
    public bool Paused { get; set; }

    /// <summary>The safety question asked last and not yet answered, so "ok" or "no" can be read against it.</summary>
    public SafetyQuestion SafetyQuestion { get; set; }

    /// <summary>Whether the paused note was the last thing said, so a returning user is not shown it twice.</summary>
    public bool PauseNoted { get; set; }

    /// <summary>Counts the steps that moved the conversation, so a click on an old question can be recognised.</summary>
    public int Turn { get; set; }

    /// <summary>When the conversation started.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the last turn was taken.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The store's concurrency token: which saved revision this copy was loaded from.</summary>
    public long Revision { get; set; }

    /// <summary>Starts a conversation that has not opened yet.</summary>
    public static Session New(string platform, string userId, string scriptId, string scriptVersion, DateTimeOffset now) => new()
    {
        Platform = platform,
        UserId = userId,
        ScriptId = scriptId,
        ScriptVersion = scriptVersion,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
