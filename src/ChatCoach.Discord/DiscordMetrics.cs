using System.Diagnostics.Metrics;
using ChatCoach.Discord.Gateway;

namespace ChatCoach.Discord;

/// <summary>
/// What on-call watches of the Discord side: gateway state, reconnects and resumes; REST requests by route and status,
/// 429s and the invalid-request count Discord bans at; the replies outbox. Routes are templates
/// (<c>channels/{channel_id}/messages</c>): no ids, no tokens, no user in any label.
/// </summary>
public sealed class DiscordMetrics
{
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _resumes;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _dropped;
    private readonly GatewayStatus _gateway;
    private volatile int _pending;

    private readonly Meter _meter;

    /// <summary>Creates the instruments on the ChatCoach meter.</summary>
    /// <param name="meters">Where the meter comes from.</param>
    /// <param name="gateway">The gateway's status, which the gateway gauge reports.</param>
    public DiscordMetrics(IMeterFactory meters, GatewayStatus gateway)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(gateway);
        _gateway = gateway;
        var meter = _meter = meters.Create("ChatCoach");
        meter.CreateObservableGauge("chatcoach.gateway.state", GatewayState, "{state}",
            "Gateway connection of the shard this replica serves: 0 down, 1 connecting, 2 connected (no series while it serves none)");
        _reconnects = meter.CreateCounter<long>("chatcoach.gateway.reconnects", "{reconnect}", "Gateway connections that ended and were opened again");
        _resumes = meter.CreateCounter<long>("chatcoach.gateway.resumes", "{resume}", "Gateway sessions resumed (RESUMED received)");
        _requests = meter.CreateCounter<long>("chatcoach.rest.requests", "{request}", "REST answers from Discord, by route template and status");
        _rateLimited = meter.CreateCounter<long>("chatcoach.rest.rate_limited", "{response}", "429 answers, by route template and scope");
        _retried = meter.CreateCounter<long>("chatcoach.outbox.retried", "{reply}", "Replies whose send failed and will be tried again");
        _dropped = meter.CreateCounter<long>("chatcoach.outbox.dropped", "{reply}", "Replies given up on (expired token, closed DMs, refused)");
        meter.CreateObservableGauge("chatcoach.outbox.pending", () => _pending, "{reply}",
            "Replies in the outbox not sent yet, counted at the last outbox sweep (every second)");
    }

    /// <summary>The REST client's count of invalid requests in Discord's 10-minute window.</summary>
    internal void ObserveInvalidRequests(Func<int> count) =>
        _meter.CreateObservableGauge("chatcoach.rest.invalid_requests", count, "{request}",
            "401, 403 and 429 answers in the last 10 minutes (Discord bans the IP at 10000)");

    internal void Reconnected() => _reconnects.Add(1, Shard());

    internal void Resumed() => _resumes.Add(1, Shard());

    internal void Request(string route, int status) =>
        _requests.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", status));

    internal void RateLimited(string route, string scope) =>
        _rateLimited.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("scope", scope));

    internal void Retried() => _retried.Add(1);

    internal void Dropped() => _dropped.Add(1);

    internal void Pending(int rows) => _pending = rows;

    private IEnumerable<Measurement<int>> GatewayState() =>
        _gateway.Current is { Shard: { } shard, State: var state } ? [new Measurement<int>((int)state, new KeyValuePair<string, object?>("shard", shard))] : [];

    private KeyValuePair<string, object?> Shard() => new("shard", _gateway.Current.Shard);
}
