namespace ChatCoach.Storage;

/// <summary>This process among the replicas sharing a database (<c>ChatCoach:ReplicaId</c>), named in the audit.</summary>
/// <param name="Id">The replica's name; by default the host name and process id.</param>
public sealed record Replica(string Id)
{
    /// <summary>The host name and process id, unique among the replicas running at one time.</summary>
    public static Replica Default() => new($"{Environment.MachineName}:{Environment.ProcessId}");
}
