using ChatCoach.Storage;
using Microsoft.Extensions.Hosting;

namespace ChatCoach.Hosting;

/// <summary>Prunes old handled event ids at start and then every hour.</summary>
internal sealed class Housekeeping(HandledEventPruner pruner, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            await pruner.PruneAsync(time.GetUtcNow(), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
