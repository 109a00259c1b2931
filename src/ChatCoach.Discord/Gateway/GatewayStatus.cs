namespace ChatCoach.Discord.Gateway;

/// <summary>
/// This replica's part of the gateway, as its <see cref="DiscordGatewayClient"/> last reported it: the shard it serves
/// (none while it waits for a shard's lease) and that shard's connection. Readiness and the gateway gauge both read it.
/// </summary>
public sealed class GatewayStatus
{
    private readonly Lock _gate = new();
    private int? _shard;
    private GatewayState _state;

    /// <summary>The shard served now (null: none), and its connection's state.</summary>
    public (int? Shard, GatewayState State) Current
    {
        get
        {
            lock (_gate)
            {
                return (_shard, _state);
            }
        }
    }

    /// <summary>Why this replica is not serving the shard it holds (its connection is down or not yet READY), or null when it is or holds none.</summary>
    public string? Problem => Current switch
    {
        { Shard: { } shard, State: GatewayState.Connecting } => $"the gateway connection of shard {shard} is not READY or RESUMED yet",
        { Shard: { } shard, State: GatewayState.Disconnected } => $"the gateway connection of shard {shard} is down",
        _ => null,
    };

    /// <summary>This replica serves <paramref name="shard"/> from now on, or none (null); its connection starts down.</summary>
    internal void Serve(int? shard)
    {
        lock (_gate)
        {
            (_shard, _state) = (shard, GatewayState.Disconnected);
        }
    }

    internal void Set(GatewayState state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }
}
