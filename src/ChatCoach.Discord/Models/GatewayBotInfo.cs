namespace ChatCoach.Discord.Models;

/// <summary>Answer of <c>GET /gateway/bot</c>.</summary>
public sealed record GatewayBotInfo
{
    /// <summary>WebSocket base URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>Recommended shard count.</summary>
    public int Shards { get; init; }

    /// <summary>Identify budget.</summary>
    public SessionStartLimit? SessionStartLimit { get; init; }
}
