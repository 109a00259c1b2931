namespace ChatCoach.Storage;

/// <summary>A script version that went live once, kept whole so sessions on it can finish after a restart.</summary>
internal sealed class ScriptVersionRow
{
    public required string Version { get; set; }

    public required string ScriptId { get; set; }

    public required string File { get; set; }

    public required string Content { get; set; }

    public DateTimeOffset FirstSeen { get; set; }
}
