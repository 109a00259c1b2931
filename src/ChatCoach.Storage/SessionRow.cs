namespace ChatCoach.Storage;

/// <summary>One user's conversation as stored. The answers and small bookkeeping live in <see cref="State"/> as JSON.</summary>
internal sealed class SessionRow
{
    public required string Platform { get; set; }

    public required string UserId { get; set; }

    public required string ScriptId { get; set; }

    public required string ScriptVersion { get; set; }

    public string? Node { get; set; }

    public int Turn { get; set; }

    /// <summary>JSON of <see cref="SessionState"/>: answers, history, tries, pending confirmation, pause.</summary>
    public required string State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: a save only applies to the revision it was loaded at.</summary>
    public long Revision { get; set; }
}
