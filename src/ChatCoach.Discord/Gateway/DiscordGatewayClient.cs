using System.Net;
using System.Threading.Channels;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCoach.Discord.Gateway;

/// <summary>
/// Keeps one gateway session alive (identify, heartbeat, resume, reconnect) and publishes its dispatches on
/// <see cref="Events"/>. Read the events on a separate task from <see cref="RunAsync"/>; the reader may be slow
/// without delaying heartbeats, because events are buffered.
/// </summary>
public sealed class DiscordGatewayClient
{
    private readonly DiscordClientOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private readonly DiscordMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly GatewaySession _session = new();
    private readonly DirectMessageDetector _dmDetector = new();
    private readonly Channel<GatewayEvent> _events = Channel.CreateUnbounded<GatewayEvent>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly ShardLeaser? _shards;
    private HeldShard? _held; // the shard this replica serves, under leases
    private DateTimeOffset? _lastIdentifyAt;
    private int _started;

    /// <summary>Creates a client; <paramref name="rest"/> is used for <c>GET /gateway/bot</c>.</summary>
    /// <param name="options">Token, intents, shard and timing settings.</param>
    /// <param name="rest">REST client sharing the same token.</param>
    /// <param name="timeProvider">Clock for heartbeats and delays; the system clock when null.</param>
    /// <param name="random">Source of heartbeat and backoff jitter; <see cref="Random.Shared"/> when null.</param>
    /// <param name="logger">Logger; the token is never logged.</param>
    /// <param name="shards">
    /// With several replicas, which shard this one connects (and when): it waits for a shard's lease and resumes the
    /// session its previous holder left. Null: the shard of <paramref name="options"/>, at once.
    /// </param>
    /// <param name="metrics">Where reconnects and resumes are counted; none when null.</param>
    /// <param name="status">Where the shard served and its connection's state are kept (<see cref="Status"/>); a new one when null.</param>
    public DiscordGatewayClient(
        DiscordClientOptions options,
        DiscordRestClient rest,
        TimeProvider? timeProvider = null,
        Random? random = null,
        ILogger<DiscordGatewayClient>? logger = null,
        ShardLeaser? shards = null,
        DiscordMetrics? metrics = null,
        GatewayStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rest);
        options.Validate();
        _options = options;
        _rest = rest;
        _time = timeProvider ?? TimeProvider.System;
        _random = random ?? Random.Shared;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _shards = shards;
        _metrics = metrics;
        Status = status ?? new GatewayStatus();
        if (shards is null)
        {
            // Without leases the configured shard is this replica's from the start, and it is not served until READY.
            Status.Serve(options.ShardId);
        }
    }

    /// <summary>The shard this client serves and its connection's state, kept current while <see cref="RunAsync"/> runs.</summary>
    public GatewayStatus Status { get; }

    /// <summary>
    /// Dispatches in order: <see cref="ReadyEvent"/>, <see cref="ResumedEvent"/>, <see cref="MessageCreateEvent"/>,
    /// <see cref="InteractionCreateEvent"/>. Completes when <see cref="RunAsync"/> ends; after a fatal error
    /// reading it throws the same <see cref="DiscordGatewayException"/>.
    /// </summary>
    public ChannelReader<GatewayEvent> Events => _events.Reader;

    /// <summary>
    /// Tells the client that the work <paramref name="gatewayEvent"/> started is done (saved, or given up on). A replica
    /// that takes the shard over resumes after the last event done, so nothing still in flight here is lost.
    /// </summary>
    public void Finished(GatewayEvent gatewayEvent)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        if (gatewayEvent.Sequence is { } sequence)
        {
            _session.Finished(sequence);
        }
    }

    /// <summary>
    /// Connects and stays connected until <paramref name="cancellationToken"/> is cancelled (then closes with
    /// 1000 and throws <see cref="OperationCanceledException"/>) or Discord reports an unrecoverable error
    /// (throws <see cref="DiscordGatewayException"/>). May be called once per instance.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("RunAsync may only be called once per DiscordGatewayClient.");
        }

        Exception? failure = null;
        try
        {
            await RunLoopAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex;
            throw;
        }
        finally
        {
            _events.Writer.TryComplete(failure);
        }
    }

    private async Task RunLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ConnectLoopAsync(cancellationToken);
        }
        finally
        {
            Status.Set(GatewayState.Disconnected);
            if (_held is not null)
            {
                Status.Serve(null);
                await _held.DisposeAsync();
            }
        }
    }

    /// <summary>Takes a shard's lease when leases are on; restores the session its previous holder left.</summary>
    private async Task<HeldShard> HoldShardAsync(CancellationToken cancellationToken)
    {
        var standingBy = false;
        var (shard, state) = await _shards!.AcquireAsync(
            () =>
            {
                if (!standingBy)
                {
                    standingBy = true;
                    _logger.StandingBy();
                }
            },
            cancellationToken);
        _options.ShardId = shard;
        _session.Restore(state);
        _logger.LeaseTaken(shard, _session.CanResume ? "resuming" : "identifying");
        Status.Serve(shard);
        return new HeldShard(shard, _shards, _session, _time, _logger);
    }

    private async Task ConnectLoopAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_shards is not null && _held is null)
            {
                _held = await HoldShardAsync(cancellationToken);
            }

            var resume = _session.CanResume;
            Uri url;
            if (resume)
            {
                url = _session.ResumeUrl!;
            }
            else
            {
                _session.Reset();
                var info = await GetGatewayAsync(cancellationToken);
                if (info is null)
                {
                    await DelayAsync(Backoff.Compute(failures++, _options.ReconnectMinDelay, _options.ReconnectMaxDelay, NextRandom()), cancellationToken);
                    continue;
                }

                if (info.SessionStartLimit is { Remaining: <= 0 } limit)
                {
                    // Identifying past the daily budget gets the token reset; waiting is the only safe move.
                    var wait = TimeSpan.FromMilliseconds(Math.Max(limit.ResetAfter, 1000));
                    _logger.IdentifyBudgetExhausted(limit.Total, wait);
                    await DelayAsync(wait, cancellationToken);
                    continue;
                }

                url = info.Url;

                // Identifying again too soon only earns an op 9; wait out the concurrency window instead.
                if (_lastIdentifyAt is { } last && last + _options.IdentifySpacing - _time.GetUtcNow() is { } spacing && spacing > TimeSpan.Zero)
                {
                    await DelayAsync(spacing, cancellationToken);
                }

                _lastIdentifyAt = _time.GetUtcNow();
            }

            ConnectionOutcome outcome;
            Status.Set(GatewayState.Connecting);
            using (var connection = new GatewayConnection(_options, _session, _dmDetector, _events.Writer, _time, NextRandom, _logger, Status, _metrics))
            {
                outcome = await connection.RunAsync(
                    GatewayUrl.Build(url), resume, keepSessionOnStop: _held is not null, cancellationToken, _held?.Lost ?? CancellationToken.None);
            }

            if (_held is { IsLost: true } lost)
            {
                // Another replica resumes the session now; this one stands by for a shard again.
                _held = null;
                Status.Serve(null);
                await lost.DisposeAsync();
                _session.Reset();
                continue;
            }

            Status.Set(GatewayState.Disconnected);

            if (outcome.ReachedSession)
            {
                failures = 0;
            }

            switch (outcome.Next)
            {
                case NextStep.Fatal:
                    throw new DiscordGatewayException(outcome.Reason, outcome.CloseCode);
                case NextStep.Stopped:
                    cancellationToken.ThrowIfCancellationRequested();
                    return;
                case NextStep.Identify:
                    _session.Reset();
                    break;
                case NextStep.Resume:
                    break;
            }

            var delay = outcome.Delay switch
            {
                ReconnectDelay.None => TimeSpan.Zero,
                ReconnectDelay.InvalidSession => Backoff.Between(_options.InvalidSessionMinDelay, _options.InvalidSessionMaxDelay, NextRandom()),
                _ => Backoff.Compute(failures++, _options.ReconnectMinDelay, _options.ReconnectMaxDelay, NextRandom()),
            };
            _logger.Ended(outcome.Reason, _session.CanResume ? "resuming" : "identifying", delay);
            _metrics?.Reconnected();
            await DelayAsync(delay, cancellationToken);
        }
    }

    private async Task<GatewayBotInfo?> GetGatewayAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _rest.GetGatewayBotAsync(cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new DiscordGatewayException("Discord rejected the bot token (HTTP 401 on GET /gateway/bot). Reconnecting cannot fix this; stopping.", innerException: ex);
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _logger.GatewayUrlFailed(ex);
            return null;
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);

    private double NextRandom()
    {
        lock (_randomLock)
        {
            return _random.NextDouble();
        }
    }
}
