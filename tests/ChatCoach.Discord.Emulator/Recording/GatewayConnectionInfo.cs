namespace ChatCoach.Discord.Emulator;

/// <summary>How a gateway connection ended.</summary>
public enum ConnectionEnd
{
    /// <summary>Still open.</summary>
    Open,

    /// <summary>The client sent a close frame.</summary>
    ClosedByClient,

    /// <summary>The emulator sent a close frame.</summary>
    ClosedByServer,

    /// <summary>The TCP connection went away without a close handshake.</summary>
    Aborted,
}

/// <summary>A gateway WebSocket connection as the emulator saw it.</summary>
public sealed record GatewayConnectionInfo
{
    /// <summary>Connection number, starting at 1.</summary>
    public required long Id { get; init; }

    /// <summary>Request path: <c>/</c> for the URL from <c>/gateway/bot</c>, <c>/resume</c> for <c>resume_gateway_url</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Query string including the leading <c>?</c>.</summary>
    public required string Query { get; init; }

    /// <summary>When the socket was accepted.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Session identified or resumed on this connection, if any.</summary>
    public string? SessionId { get; init; }

    /// <summary>Whether the session was resumed here (rather than identified).</summary>
    public bool Resumed { get; init; }

    /// <summary>How it ended.</summary>
    public ConnectionEnd End { get; init; }

    /// <summary>Close code of the close frame, if there was one.</summary>
    public int? CloseCode { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
}
