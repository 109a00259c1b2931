using ChatCoach.Storage;
using Microsoft.Extensions.Hosting;

namespace ChatCoach.Hosting;

/// <summary>
/// Prunes old handled event ids at start and then every hour, on one replica at a time: the one elected for the job
/// (with several replicas on PostgreSQL, the holder of its advisory lock; another takes over when it dies).
/// </summary>
internal sealed class Housekeeping(HandledEventPruner pruner, IJobElection election, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            if (await election.LeadsAsync(HandledEventPruner.Job, stoppingToken))
            {
                await pruner.PruneAsync(time.GetUtcNow(), stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
