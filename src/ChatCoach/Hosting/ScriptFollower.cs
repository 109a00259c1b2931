using ChatCoach.Core.Scripts;
using ChatCoach.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Hosting;

/// <summary>
/// With several replicas on one PostgreSQL database, keeps this replica on the script versions the database says are
/// live: a script uploaded, reloaded or rolled back on any replica reaches this one within <see cref="Every"/>, is
/// written into this replica's dialogs folder and goes live here too (audited with this replica's name).
/// </summary>
internal sealed partial class ScriptFollower(LiveScripts live, Replica replica, TimeProvider time, ILogger<ScriptFollower> logger)
    : BackgroundService
{
    /// <summary>How often the database is asked; a short, indexed query.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    /// <summary>The actor of the activations a follow makes.</summary>
    public const string Actor = "replica sync";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var report = await live.FollowAsync(Actor, stoppingToken);
                if (report.Lines.Count > 0)
                {
                    LogFollowed(replica.Id, report);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away for a moment; the next tick tries again and the live scripts keep serving.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica {Replica} followed the scripts live in the database:\n{Report}")]
    private partial void LogFollowed(string replica, ReloadReport report);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not follow the scripts live in the database")]
    private partial void LogFailed(Exception exception);
}
