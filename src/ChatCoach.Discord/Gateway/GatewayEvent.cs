namespace ChatCoach.Discord.Gateway;

/// <summary>A dispatch the gateway client hands to its consumer, in the order Discord sent them.</summary>
public abstract record GatewayEvent
{
    private protected GatewayEvent()
    {
    }

    /// <summary>The dispatch's sequence number within its session.</summary>
    public long? Sequence { get; init; }

    /// <summary>When the dispatch came off the socket.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
