namespace ChatCoach.Storage;

/// <summary>
/// How often something happened at a node of a script version ("entered", "answered", "reasked", ...).
/// Counters, not turn rows: they name no user and no message, so they survive /forget as anonymous counts.
/// </summary>
internal sealed class FunnelCountRow
{
    public required string ScriptVersion { get; set; }

    public required string Node { get; set; }

    public required string Event { get; set; }

    public long Count { get; set; }
}
