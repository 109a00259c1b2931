using ChatCoach.Core.Conversations;
using ChatCoach.Core.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Outbox;

/// <summary>
/// Retries what the first send left in the outbox (a failure, a crash between commit and send): every second it
/// claims the due rows, each user's oldest first, and sends each in line with that user's turns. Each sweep first
/// counts the rows not sent yet, for <c>chatcoach_outbox_pending</c>.
/// </summary>
internal sealed partial class OutboxSweeper(IReplyOutbox outbox, ReplySender sender, ConversationService conversations, TimeProvider time,
    ILogger<OutboxSweeper> logger, DiscordMetrics? metrics = null) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The rows stay in the outbox; the next sweep takes them again.
                LogSweepFailed(e.GetType().Name, e.Message);
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
    }

    /// <summary>Counts the rows not sent yet (for the pending gauge), then sends every due row, until none is due.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        metrics?.Pending(await outbox.CountPendingAsync(DiscordComposer.Platform, cancellationToken));
        while (await outbox.ClaimDueAsync(DiscordComposer.Platform, time.GetUtcNow(), Lease, Batch, cancellationToken) is { Count: > 0 } due)
        {
            // A claimed row is leased, so this ends once nothing is due: sent rows are gone, failed ones wait for later.
            await Task.WhenAll(due.Select(row => conversations.InOrderAsync(row.Platform, row.UserId, () => sender.SendOneAsync(row, cancellationToken))));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending pending replies failed ({Type}: {Reason}); trying again")]
    private partial void LogSweepFailed(string type, string reason);
}
