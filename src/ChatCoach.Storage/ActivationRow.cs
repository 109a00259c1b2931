namespace ChatCoach.Storage;

/// <summary>The audit of one attempt to make a script version live. Names moderators, never users.</summary>
internal sealed class ActivationRow
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    /// <summary>The replica that made the attempt (<c>ChatCoach:ReplicaId</c>); empty on rows older than replicas.</summary>
    public string Replica { get; set; } = string.Empty;

    public required string ScriptId { get; set; }

    public string? FromVersion { get; set; }

    public required string ToVersion { get; set; }

    public bool Succeeded { get; set; }

    public required string Result { get; set; }
}
