using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Gateway;

/// <summary>How a Resume attempt went.</summary>
internal enum ResumeResult
{
    Resumed,
    InvalidSequence,
    NotResumable,
}

/// <summary>
/// A gateway session: its sequence counter and every dispatch sent in it, so a Resume can replay
/// what the client missed. Dispatches go to the attached connection, or wait for a resume.
/// </summary>
internal sealed class GatewaySession(string id, long intents, int shardId, int shardCount, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private readonly List<(int Sequence, string Frame)> _replayable = [];
    private int _sequence;
    private GatewayConnection? _attached;
    private DateTimeOffset _detachedAt = createdAt;
    private bool _invalidated;

    public string Id { get; } = id;

    public long Intents { get; } = intents;

    public int ShardId { get; } = shardId;

    public int ShardCount { get; } = shardCount;

    public bool Has(long intent) => (Intents & intent) == intent;

    /// <summary>Whether events for this shard go here; DMs (no guild) go to shard 0 only (PROTOCOL.md §8).</summary>
    public bool HandlesGuild(string? guildId) =>
        guildId is null ? ShardId == 0 : (int)((ulong.Parse(guildId, System.Globalization.CultureInfo.InvariantCulture) >> 22) % (ulong)ShardCount) == ShardId;

    public bool IsAlive(DateTimeOffset now, TimeSpan resumeWindow)
    {
        lock (_gate)
        {
            return !_invalidated && (_attached is not null || now - _detachedAt <= resumeWindow);
        }
    }

    public GatewayConnection? Attached
    {
        get
        {
            lock (_gate)
            {
                return _attached;
            }
        }
    }

    /// <summary>Assigns the next sequence number and sends the event if a connection is attached.</summary>
    /// <param name="eventName">The <c>t</c> of the frame.</param>
    /// <param name="data">The <c>d</c> of the frame (cloned).</param>
    /// <param name="replayable">False for READY and RESUMED, which a later Resume must not replay.</param>
    public Task DispatchAsync(string eventName, JsonNode? data, bool replayable = true)
    {
        lock (_gate)
        {
            if (_invalidated)
            {
                return Task.CompletedTask;
            }

            var frame = Frame(eventName, ++_sequence, data);
            if (replayable)
            {
                _replayable.Add((_sequence, frame));
            }

            return _attached?.SendAsync(frame) ?? Task.CompletedTask;
        }
    }

    public void Attach(GatewayConnection connection)
    {
        lock (_gate)
        {
            _attached = connection;
        }
    }

    /// <summary>Moves the session to <paramref name="connection"/>, queues every dispatch after <paramref name="sequence"/>, then RESUMED.</summary>
    public ResumeResult Resume(GatewayConnection connection, int sequence, DateTimeOffset now, TimeSpan resumeWindow, out GatewayConnection? previous)
    {
        lock (_gate)
        {
            previous = null;
            if (_invalidated || (_attached is null && now - _detachedAt > resumeWindow))
            {
                return ResumeResult.NotResumable;
            }

            if (sequence < 0 || sequence > _sequence)
            {
                return ResumeResult.InvalidSequence;
            }

            previous = _attached;
            _attached = connection;
            foreach (var (_, frame) in _replayable.Where(r => r.Sequence > sequence))
            {
                _ = connection.SendAsync(frame);
            }

            _ = connection.SendAsync(Frame("RESUMED", ++_sequence, null));
            return ResumeResult.Resumed;
        }
    }

    public void Detach(GatewayConnection connection, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_attached == connection)
            {
                _attached = null;
                _detachedAt = now;
            }
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _invalidated = true;
            _attached = null;
        }
    }

    private static string Frame(string eventName, int sequence, JsonNode? data) =>
        Wire.Serialize(new JsonObject { ["t"] = eventName, ["s"] = sequence, ["op"] = GatewayOpcode.Dispatch, ["d"] = data?.DeepClone() });
}
