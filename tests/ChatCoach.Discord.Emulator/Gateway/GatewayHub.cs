using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.Gateway;

/// <summary>
/// All gateway connections and sessions: accepts sockets, routes dispatches to the sessions that
/// should get them (shard, intents), and injects faults.
/// </summary>
internal sealed class GatewayHub
{
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<GatewayConnection> _connections = [];
    private readonly List<GatewaySession> _sessions = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextConnectionId;
    private volatile bool _acksStopped;

    public GatewayHub(EmulatorOptions options, EventLog<ProtocolViolation> violations, Func<string, JsonObject> guildCreate)
    {
        _options = options;
        _time = options.TimeProvider;
        Recorder = new FrameRecorder(_time);
        Protocol = new GatewayProtocol(this, options, violations, guildCreate);
    }

    public FrameRecorder Recorder { get; }

    public GatewayProtocol Protocol { get; }

    public bool HeartbeatAcksStopped
    {
        get => _acksStopped;
        set => _acksStopped = value;
    }

    public async Task AcceptAsync(HttpContext http, CancellationToken stopping)
    {
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
#pragma warning disable CA2000 // Disposed in the finally below, after the connection has ended.
        GatewayConnection connection;
        lock (_gate)
        {
            connection = new GatewayConnection(++_nextConnectionId, http, socket, _time);
            _connections.Add(connection);
        }
#pragma warning restore CA2000

        connection.Sent += (c, json) => Recorder.Record(c, FrameDirection.FromServer, json);
        Changed();
        using var monitor = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var heartbeatWatch = Protocol.WatchHeartbeatsAsync(connection, monitor.Token);
        try
        {
            if (await Protocol.OpenAsync(connection))
            {
                await connection.RunAsync(_options.MaxGatewayPayloadBytes, Protocol.OnMessageAsync, stopping);
            }
        }
        finally
        {
            try
            {
                await monitor.CancelAsync();
                await heartbeatWatch;
                OnEnded(connection);
            }
            finally
            {
                // Must happen before this request ends: Kestrel then recycles the HttpContext, which a
                // late Abort (AbortOpen works from a snapshot) would otherwise still call into.
                connection.Dispose();
            }
        }
    }

    public void AddSession(GatewaySession session)
    {
        lock (_gate)
        {
            _sessions.Add(session);
        }

        Changed();
    }

    public GatewaySession? FindSession(string sessionId)
    {
        lock (_gate)
        {
            return _sessions.FirstOrDefault(s => s.Id == sessionId);
        }
    }

    /// <summary>Sends an event to every live session that should receive it; returns the sends in flight.</summary>
    public Task DispatchAsync(string eventName, string? guildId, long requiredIntents, Func<GatewaySession, JsonNode?> payload)
    {
        var now = _time.GetUtcNow();
        List<GatewaySession> targets;
        lock (_gate)
        {
            targets = [.. _sessions.Where(s => s.IsAlive(now, _options.SessionResumeWindow) && s.HandlesGuild(guildId) && s.Has(requiredIntents))];
        }

        return Task.WhenAll(targets.Select(s => s.DispatchAsync(eventName, payload(s))));
    }

    public IReadOnlyList<GatewayConnection> OpenConnections()
    {
        lock (_gate)
        {
            return [.. _connections.Where(c => c.IsOpen)];
        }
    }

    public IReadOnlyList<GatewayConnectionInfo> Connections()
    {
        lock (_gate)
        {
            return [.. _connections.Select(c => new GatewayConnectionInfo
            {
                Id = c.Id,
                Path = c.Path,
                Query = c.Query,
                OpenedAt = c.OpenedAt,
                SessionId = c.Session?.Id,
                Resumed = c.Resumed,
                End = c.End,
                CloseCode = c.CloseCode,
                ClosedAt = c.ClosedAt,
            })];
        }
    }

    /// <summary>Whether some open connection has a session that finished READY or RESUMED.</summary>
    public bool IsReady() => OpenConnections().Any(c => c.Session is { } s && s.Attached == c && c.HasReadied);

    public async Task WaitForReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    changed = _changed.Task;
                }

                if (IsReady())
                {
                    return;
                }

                await changed.WaitAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No gateway session became ready within {timeout.TotalSeconds:0.###} s.");
        }
    }

    /// <summary>Wakes <see cref="WaitForReadyAsync"/> waiters after a state change.</summary>
    public void Changed()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    public Task SendToOpenAsync(string json) => Task.WhenAll(OpenConnections().Select(c => c.SendAsync(json)));

    public Task CloseOpenAsync(int code, string reason)
    {
        var closing = new List<Task>();
        foreach (var connection in OpenConnections())
        {
            if (GatewayCloseCode.EndsSession(code))
            {
                connection.Session?.Invalidate();
            }

            closing.Add(connection.CloseAsync(code, reason));
        }

        return Task.WhenAll(closing);
    }

    public void AbortOpen()
    {
        foreach (var connection in OpenConnections())
        {
            connection.Abort();
        }
    }

    private void OnEnded(GatewayConnection connection)
    {
        if (connection.Session is { } session)
        {
            // A client closing with 1000/1001 ends its session (PROTOCOL.md §1.9); anything else stays resumable.
            if (connection.End == ConnectionEnd.ClosedByClient && connection.CloseCode is 1000 or 1001)
            {
                session.Invalidate();
            }
            else
            {
                session.Detach(connection, _time.GetUtcNow());
            }
        }

        Changed();
    }
}
