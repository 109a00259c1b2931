using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.State;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatCoach.Discord.Emulator.Gateway;

/// <summary>
/// What the gateway does with each client payload (PROTOCOL.md §1): Hello, Identify and READY,
/// heartbeats and ACKs, Resume with replay, and the close codes for every misuse.
/// </summary>
internal sealed class GatewayProtocol(GatewayHub hub, EmulatorOptions options, EventLog<ProtocolViolation> violations, Func<string, JsonObject> guildCreate)
{
    private static readonly string[] PresenceStatuses = ["online", "dnd", "idle", "invisible", "offline"];
    private static readonly string[] IdentifyProperties = ["os", "browser", "device"];
    private readonly TimeProvider _time = options.TimeProvider;
    private readonly Lock _gate = new();
    private DateTimeOffset _lastIdentifyAt = DateTimeOffset.MinValue;
    private int _identifies;

    /// <summary>Identify payloads that started a session.</summary>
    public int IdentifiesUsed
    {
        get
        {
            lock (_gate)
            {
                return _identifies;
            }
        }
    }

    public TimeSpan HeartbeatTimeout => options.HeartbeatTimeout ?? (options.HeartbeatInterval * 1.5) + TimeSpan.FromSeconds(5);

    /// <summary>Checks the connect URL's query and sends Hello.</summary>
    public async Task<bool> OpenAsync(GatewayConnection connection)
    {
        var query = QueryHelpers.ParseQuery(connection.Query);
        if (!query.TryGetValue("v", out var version) || version != "10")
        {
            await FailAsync(connection, GatewayCloseCode.InvalidApiVersion, $"connect URL has v={version}, expected v=10");
            return true;
        }

        if (query.TryGetValue("encoding", out var encoding) && encoding != "json")
        {
            await FailAsync(connection, GatewayCloseCode.DecodeError, $"encoding={encoding} is not supported by the emulator (json only)");
            return true;
        }

        if (query.TryGetValue("compress", out var compress))
        {
            await FailAsync(connection, GatewayCloseCode.DecodeError, $"compress={compress} is not supported by the emulator");
            return true;
        }

        var hello = new JsonObject
        {
            ["op"] = GatewayOpcode.Hello,
            ["d"] = new JsonObject { ["heartbeat_interval"] = (long)options.HeartbeatInterval.TotalMilliseconds },
        };
        _ = connection.SendAsync(Wire.Serialize(hello));
        return true;
    }

    public async Task OnMessageAsync(GatewayConnection connection, string? text)
    {
        hub.Recorder.Record(connection, FrameDirection.FromClient, text ?? "<binary or oversized payload>");
        if (!connection.IsOpen)
        {
            return;
        }

        if (!connection.CountReceived(options.GatewaySendLimit, options.GatewaySendWindow))
        {
            await FailAsync(connection, GatewayCloseCode.RateLimited, $"more than {options.GatewaySendLimit} payloads in {options.GatewaySendWindow.TotalSeconds} s");
            return;
        }

        if (text is null)
        {
            await FailAsync(connection, GatewayCloseCode.DecodeError, $"payload was binary or larger than {options.MaxGatewayPayloadBytes} bytes");
            return;
        }

        JsonObject? frame;
        try
        {
            frame = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            frame = null;
        }

        if (frame?["op"] is not JsonValue opValue || !opValue.TryGetValue<int>(out var op))
        {
            await FailAsync(connection, GatewayCloseCode.DecodeError, "payload is not a JSON object with an integer op");
            return;
        }

        var data = frame["d"];
        if (!GatewayOpcode.IsClientOpcode(op))
        {
            await FailAsync(connection, GatewayCloseCode.UnknownOpcode, $"op {op} is not a client opcode");
            return;
        }

        if (connection.Session is null && op is not (GatewayOpcode.Heartbeat or GatewayOpcode.Identify or GatewayOpcode.Resume))
        {
            await FailAsync(connection, GatewayCloseCode.NotAuthenticated, $"op {op} sent before Identify");
            return;
        }

        switch (op)
        {
            case GatewayOpcode.Heartbeat:
                await HeartbeatAsync(connection, data);
                break;
            case GatewayOpcode.Identify:
                await IdentifyAsync(connection, data as JsonObject);
                break;
            case GatewayOpcode.Resume:
                await ResumeAsync(connection, data as JsonObject);
                break;
            case GatewayOpcode.PresenceUpdate:
                if (!IsPresence(data as JsonObject))
                {
                    await FailAsync(connection, GatewayCloseCode.UnknownOpcode, "invalid Presence Update payload");
                }

                break;
            default:
                // Voice state, guild member and soundboard requests: accepted, nothing to answer in the emulator.
                break;
        }
    }

    /// <summary>Closes connections that stop heartbeating (the session stays resumable).</summary>
    public async Task WatchHeartbeatsAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        var timeout = HeartbeatTimeout;
        var period = TimeSpan.FromMilliseconds(Math.Clamp(timeout.TotalMilliseconds / 4, 10, 250));
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(period, _time, cancellationToken);
                if (!connection.IsOpen)
                {
                    return;
                }

                if (_time.GetUtcNow() - connection.LastHeartbeatAt > timeout)
                {
                    Violation(ViolationKind.HeartbeatTimeout, $"connection {connection.Id}: no heartbeat for {timeout.TotalMilliseconds:0} ms");
                    await connection.CloseAsync(1000, "Heartbeat timed out.");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Connection ended.
        }
    }

    private async Task HeartbeatAsync(GatewayConnection connection, JsonNode? data)
    {
        if (data is not null && (data is not JsonValue value || !value.TryGetValue<long>(out _)))
        {
            await FailAsync(connection, GatewayCloseCode.UnknownOpcode, "Heartbeat d must be the last sequence number or null");
            return;
        }

        connection.LastHeartbeatAt = _time.GetUtcNow();
        if (!hub.HeartbeatAcksStopped)
        {
            _ = connection.SendAsync("{\"op\":11}");
        }
    }

    private async Task IdentifyAsync(GatewayConnection connection, JsonObject? data)
    {
        if (connection.Session is not null)
        {
            await FailAsync(connection, GatewayCloseCode.AlreadyAuthenticated, "second Identify on one connection");
            return;
        }

        if (data is null)
        {
            await FailAsync(connection, GatewayCloseCode.DecodeError, "Identify d must be an object");
            return;
        }

        if (Wire.GetString(data, "token") != options.Token)
        {
            Violation(ViolationKind.AuthenticationFailed, "Identify with a wrong token (tokens are sent bare, without \"Bot \")");
            await FailAsync(connection, GatewayCloseCode.AuthenticationFailed, "wrong token in Identify");
            return;
        }

        if (Wire.GetInteger(data, "intents") is not { } intents || (intents & GatewayIntent.Undefined) != 0 || intents < 0)
        {
            await FailAsync(connection, GatewayCloseCode.InvalidIntents, "intents missing or not a valid bitfield");
            return;
        }

        if ((intents & GatewayIntent.Privileged & ~options.AllowedPrivilegedIntents) != 0)
        {
            await FailAsync(connection, GatewayCloseCode.DisallowedIntents, $"privileged intents {intents & GatewayIntent.Privileged & ~options.AllowedPrivilegedIntents} not enabled for this app");
            return;
        }

        if (data["properties"] is not JsonObject properties || IdentifyProperties.Any(k => Wire.GetString(properties, k) is null))
        {
            await FailAsync(connection, GatewayCloseCode.UnknownOpcode, "Identify properties must have os, browser and device strings");
            return;
        }

        var (shardId, shardCount) = (0, 1);
        var shardSent = data["shard"] is not null;
        if (shardSent)
        {
            if (data["shard"] is not JsonArray { Count: 2 } shard
                || shard[0] is not JsonValue idValue || !idValue.TryGetValue(out shardId)
                || shard[1] is not JsonValue countValue || !countValue.TryGetValue(out shardCount)
                || shardCount < 1 || shardId < 0 || shardId >= shardCount)
            {
                await FailAsync(connection, GatewayCloseCode.InvalidShard, "shard must be [shard_id, num_shards] with 0 <= shard_id < num_shards");
                return;
            }
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (now - _lastIdentifyAt < options.IdentifyConcurrencyWindow || _identifies >= options.SessionStartLimit)
            {
                Violation(ViolationKind.IdentifyRateLimited, $"Identify {(now - _lastIdentifyAt).TotalMilliseconds:0} ms after the previous one (max_concurrency 1 per {options.IdentifyConcurrencyWindow.TotalSeconds} s) or session start limit used up");
                _ = connection.SendAsync("{\"op\":9,\"d\":false}");
                return;
            }

            _lastIdentifyAt = now;
            _identifies++;
        }

        var session = new GatewaySession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), intents, shardId, shardCount, now);
        CheckShardFree(connection, session, previous: null);
        hub.AddSession(session);
        session.Attach(connection);
        connection.Session = session;
        _ = session.DispatchAsync("READY", ReadyPayload.Build(options, session, ResumeUrl(connection), shardSent), replayable: false);
        connection.HasReadied = true;
        hub.Changed();
        if (session.Has(GatewayIntent.Guilds))
        {
            foreach (var guildId in options.GuildIds.Where(session.HandlesGuild))
            {
                _ = session.DispatchAsync("GUILD_CREATE", guildCreate(guildId));
            }
        }
    }

    private async Task ResumeAsync(GatewayConnection connection, JsonObject? data)
    {
        if (connection.Session is not null)
        {
            await FailAsync(connection, GatewayCloseCode.AlreadyAuthenticated, "Resume on an authenticated connection");
            return;
        }

        if (data is null || Wire.GetString(data, "session_id") is not { } sessionId || Wire.GetInteger(data, "seq") is not { } sequence)
        {
            await FailAsync(connection, GatewayCloseCode.DecodeError, "Resume d must have token, session_id and an integer seq");
            return;
        }

        if (Wire.GetString(data, "token") != options.Token)
        {
            Violation(ViolationKind.AuthenticationFailed, "Resume with a wrong token");
            await FailAsync(connection, GatewayCloseCode.AuthenticationFailed, "wrong token in Resume");
            return;
        }

        if (!connection.IsResumeUrl)
        {
            Violation(ViolationKind.ResumeOutsideResumeUrl, $"Resume on {connection.Path} instead of resume_gateway_url");
        }

        GatewayConnection? previous = null;
        var session = hub.FindSession(sessionId);
        var result = session is null
            ? ResumeResult.NotResumable
            : session.Resume(connection, (int)Math.Clamp(sequence, -1, int.MaxValue), _time.GetUtcNow(), options.SessionResumeWindow, out previous);
        switch (result)
        {
            case ResumeResult.NotResumable:
                _ = connection.SendAsync("{\"op\":9,\"d\":false}");
                return;
            case ResumeResult.InvalidSequence:
                await FailAsync(connection, GatewayCloseCode.InvalidSeq, $"Resume seq {sequence} is not a sequence of session {sessionId}");
                return;
            default:
                CheckShardFree(connection, session!, previous);
                connection.Session = session;
                connection.Resumed = true;
                connection.HasReadied = true;
                if (previous is not null && previous != connection)
                {
                    // The session moved; the old socket is dropped as Discord does.
                    previous.Session = null;
                    previous.Abort();
                }

                hub.Changed();
                return;
        }
    }

    /// <summary>With exclusive shards, a connection taking a shard that another open connection holds is a violation.</summary>
    private void CheckShardFree(GatewayConnection connection, GatewaySession session, GatewayConnection? previous)
    {
        if (!options.ExclusiveShards)
        {
            return;
        }

        var holders = hub.OpenConnections().Where(c => c != connection && c.Session is { } held && held.Attached == c
            && held.ShardId == session.ShardId && held.ShardCount == session.ShardCount).ToList();
        if (previous is not null && previous != connection && previous.IsOpen && !holders.Contains(previous))
        {
            holders.Add(previous);
        }

        foreach (var holder in holders)
        {
            Violation(ViolationKind.ShardHeldTwice,
                $"connection {connection.Id} took shard {session.ShardId}/{session.ShardCount} while connection {holder.Id} still held it");
        }
    }

    private static bool IsPresence(JsonObject? data) =>
        data is not null
        && data["activities"] is JsonArray
        && Wire.GetString(data, "status") is { } status && PresenceStatuses.Contains(status)
        && data["afk"] is JsonValue afk && afk.GetValueKind() is JsonValueKind.True or JsonValueKind.False
        && (data["since"] is null || data["since"] is JsonValue since && since.GetValueKind() == JsonValueKind.Number);

    private static string ResumeUrl(GatewayConnection connection)
    {
        // Same host and port as the socket the client reached; a distinct path so tests can tell resumes apart.
        var host = connection.Host;
        return $"ws://{host}/resume";
    }

    /// <summary>Queues the close frame without waiting for it: before Hello the writer is not running yet.</summary>
    private Task FailAsync(GatewayConnection connection, int code, string detail)
    {
        Violation(ViolationKind.GatewayProtocolError, $"close {code.ToString(CultureInfo.InvariantCulture)}: {detail}");
        if (GatewayCloseCode.EndsSession(code))
        {
            connection.Session?.Invalidate();
        }

        _ = connection.CloseAsync(code, Reason(code));
        return Task.CompletedTask;
    }

    private void Violation(ViolationKind kind, string detail) =>
        violations.Add(new ProtocolViolation(kind, detail, _time.GetUtcNow()));

    private static string Reason(int code) => code switch
    {
        GatewayCloseCode.UnknownError => "Unknown error.",
        GatewayCloseCode.UnknownOpcode => "Unknown opcode.",
        GatewayCloseCode.DecodeError => "Decode error.",
        GatewayCloseCode.NotAuthenticated => "Not authenticated.",
        GatewayCloseCode.AuthenticationFailed => "Authentication failed.",
        GatewayCloseCode.AlreadyAuthenticated => "Already authenticated.",
        GatewayCloseCode.InvalidSeq => "Invalid seq.",
        GatewayCloseCode.RateLimited => "Rate limited.",
        GatewayCloseCode.SessionTimedOut => "Session timed out.",
        GatewayCloseCode.InvalidShard => "Invalid shard.",
        GatewayCloseCode.ShardingRequired => "Sharding required.",
        GatewayCloseCode.InvalidApiVersion => "Invalid API version.",
        GatewayCloseCode.InvalidIntents => "Invalid intent(s).",
        GatewayCloseCode.DisallowedIntents => "Disallowed intent(s).",
        _ => "Closed.",
    };
}
