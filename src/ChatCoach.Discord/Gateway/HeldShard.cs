using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Gateway;

/// <summary>
/// A shard this replica holds: renews its lease in the background with the session's resume data, and signals
/// <see cref="Lost"/> when the lease was taken or could not be renewed in time, so the connection is handed over.
/// </summary>
internal sealed class HeldShard : IAsyncDisposable
{
    private readonly ShardLeaser _leaser;
    private readonly GatewaySession _session;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public HeldShard(int shard, ShardLeaser leaser, GatewaySession session, TimeProvider time, ILogger logger)
    {
        Shard = shard;
        _leaser = leaser;
        _session = session;
        _time = time;
        _logger = logger;
        _renewing = RenewAsync();
    }

    public int Shard { get; }

    /// <summary>Cancelled when this replica must stop serving the shard.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>
    /// Stops renewing; when still held, gives the lease up with the session, which a stop leaves open (close 4000), so the
    /// next holder resumes it at once and Discord replays what came meanwhile.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        if (!IsLost)
        {
            try
            {
                await _leaser.ReleaseAsync(Shard, _session.CanResume ? _session.Snapshot() : null, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // It runs out by itself.
                _logger.LeaseNotReleased(e, Shard);
            }
        }

        _lost.Dispose();
        _stop.Dispose();
    }

    private async Task RenewAsync()
    {
        var renewed = _time.GetUtcNow();
        try
        {
            while (true)
            {
                await Task.Delay(_leaser.RenewEvery, _time, _stop.Token);
                var started = _time.GetUtcNow();
                try
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    attempt.CancelAfter(_leaser.RenewEvery);
                    if (!await _leaser.RenewAsync(Shard, _session.Snapshot(), attempt.Token))
                    {
                        _logger.LeaseTaken(Shard);
                        await _lost.CancelAsync();
                        return;
                    }

                    renewed = started;
                }
                catch (Exception e) when (!_stop.IsCancellationRequested)
                {
                    _logger.LeaseNotRenewed(e, Shard);
                }

                if (_time.GetUtcNow() - renewed > _leaser.HoldAtMost)
                {
                    // Another replica may take the shard soon: stop serving it before that can happen.
                    _logger.LeaseRunningOut(Shard);
                    await _lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }
}
