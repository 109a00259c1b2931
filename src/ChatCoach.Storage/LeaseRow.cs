namespace ChatCoach.Storage;

/// <summary>A named lease held by one replica until it expires (a gateway shard), with its holder's state.</summary>
internal sealed class LeaseRow
{
    public required string Name { get; set; }

    public required string Owner { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>What the next holder needs to carry on (for a shard: the gateway session to resume), as JSON.</summary>
    public string? State { get; set; }
}
