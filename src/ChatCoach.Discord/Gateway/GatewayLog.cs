using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Gateway;

/// <summary>The gateway's log lines, source-generated.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Connecting to the Discord gateway at {Host} ({Mode})")]
    public static partial void Connecting(this ILogger logger, string host, string mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the Discord gateway at {Host}")]
    public static partial void ConnectFailed(this ILogger logger, Exception exception, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway connection failed")]
    public static partial void ConnectionFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Message = "Discord gateway closed with {Code} ({Description}): {Reason}")]
    public static partial void Closed(this ILogger logger, LogLevel level, int? code, string? description, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord asked the gateway to reconnect (op 7)")]
    public static partial void ReconnectRequested(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord invalidated the gateway session (op 9, resumable: {Resumable})")]
    public static partial void SessionInvalidated(this ILogger logger, bool resumable);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring gateway opcode {Op}")]
    public static partial void IgnoredOpcode(this ILogger logger, int op);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipping already delivered dispatch {Sequence}")]
    public static partial void SkippedDispatch(this ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read gateway dispatch {Event} #{Sequence}")]
    public static partial void UnreadableDispatch(this ILogger logger, Exception exception, string? @event, long? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway session ready as {User} ({UserId})")]
    public static partial void Ready(this ILogger logger, string user, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway session resumed at sequence {Sequence}")]
    public static partial void Resumed(this ILogger logger, long? sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No heartbeat ACK since the last beat; dropping the zombie connection to resume")]
    public static partial void Zombie(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Heartbeat send failed")]
    public static partial void HeartbeatFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring a binary gateway message")]
    public static partial void IgnoredBinary(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord identify budget exhausted ({Total} per window); waiting {Wait} before identifying")]
    public static partial void IdentifyBudgetExhausted(this ILogger logger, int total, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway connection ended ({Reason}); {Next} in {Delay}")]
    public static partial void Ended(this ILogger logger, string reason, string next, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not get the gateway URL")]
    public static partial void GatewayUrlFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another replica holds every shard this one may take; standing by for a shard lease")]
    public static partial void StandingBy(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding the lease of shard {Shard}; {Mode} its gateway session")]
    public static partial void LeaseTaken(this ILogger logger, int shard, string mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another replica took the lease of shard {Shard}; handing its session over")]
    public static partial void LeaseTaken(this ILogger logger, int shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease of shard {Shard}")]
    public static partial void LeaseNotRenewed(this ILogger logger, Exception exception, int shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease of shard {Shard} is running out unrenewed; handing its session over")]
    public static partial void LeaseRunningOut(this ILogger logger, int shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give up the lease of shard {Shard}; it runs out by itself")]
    public static partial void LeaseNotReleased(this ILogger logger, Exception exception, int shard);
}
