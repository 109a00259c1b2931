using System.Text.Json;
using ChatCoach.Core.Conversations;

namespace ChatCoach.Discord.Gateway;

/// <summary>
/// Decides which gateway shard this replica connects, through leases in the database the replicas share: a replica
/// takes a free shard (or only its pinned one), holds it while it renews the lease, and keeps the gateway session's
/// resume data with it. When a holder dies its lease runs out and another replica takes the shard within the lease
/// time, resuming the same session, so Discord replays what was sent in between.
/// </summary>
public sealed class ShardLeaser
{
    private readonly ILeases _leases;
    private readonly string _owner;
    private readonly int[] _shards;
    private readonly TimeSpan _leaseTime;
    private readonly TimeProvider _time;

    /// <summary>Creates the leaser of one replica.</summary>
    /// <param name="leases">The shared leases.</param>
    /// <param name="owner">This replica's name, unique among the replicas running.</param>
    /// <param name="shardCount">How many shards the bot runs.</param>
    /// <param name="pinnedShard">The only shard this replica may take, or null for any free one.</param>
    /// <param name="leaseTime">How long after its holder dies a shard is taken over.</param>
    /// <param name="time">The clock.</param>
    public ShardLeaser(ILeases leases, string owner, int shardCount, int? pinnedShard, TimeSpan leaseTime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseTime, TimeSpan.Zero);
        _leases = leases;
        _owner = owner;
        _shards = pinnedShard is { } pinned ? [pinned] : [.. Enumerable.Range(0, shardCount)];
        _leaseTime = leaseTime;
        _time = time;
    }

    // A lease is written to expire 0.9 of the lease time ahead, and standbys look every tenth: a dead holder's shard
    // is taken within the lease time. The holder renews every quarter, and gives the shard up by itself when it could
    // not renew for 0.7 of it, well before any standby may take it (0.2 of margin for clocks that disagree).
    internal TimeSpan RenewEvery => _leaseTime / 4;

    internal TimeSpan HoldAtMost => _leaseTime * 0.7;

    private TimeSpan Validity => _leaseTime * 0.9;

    private TimeSpan PollEvery => _leaseTime / 10;

    /// <summary>Waits until this replica holds a shard; the shard and the session its previous holder left.</summary>
    internal async Task<(int Shard, GatewayResumeState? State)> AcquireAsync(Action standingBy, CancellationToken cancellationToken)
    {
        while (true)
        {
            foreach (var shard in _shards)
            {
                var now = _time.GetUtcNow();
                if (await _leases.TryTakeAsync(Name(shard), _owner, now, now + Validity, cancellationToken) is { } grant)
                {
                    return (shard, grant.State is { } state ? JsonSerializer.Deserialize<GatewayResumeState>(state) : null);
                }
            }

            standingBy();
            await Task.Delay(PollEvery, _time, cancellationToken);
        }
    }

    /// <summary>Extends the lease and keeps <paramref name="state"/> with it; false when another replica holds the shard now.</summary>
    internal Task<bool> RenewAsync(int shard, GatewayResumeState state, CancellationToken cancellationToken) =>
        _leases.RenewAsync(Name(shard), _owner, _time.GetUtcNow() + Validity, JsonSerializer.Serialize(state), cancellationToken);

    /// <summary>Gives the shard up at once; <paramref name="state"/> null when the session ended with this replica.</summary>
    internal Task ReleaseAsync(int shard, GatewayResumeState? state, CancellationToken cancellationToken) =>
        _leases.ReleaseAsync(Name(shard), _owner, _time.GetUtcNow(), state is null ? null : JsonSerializer.Serialize(state), cancellationToken);

    private static string Name(int shard) => $"discord-shard-{shard}";
}
