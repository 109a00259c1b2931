using ChatCoach.Core.Scripts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Hosting;

/// <summary>
/// Reloads the scripts when their files change. Editors write a file in several steps, so changes are debounced:
/// the reload runs once the folder has been quiet for <see cref="Quiet"/>.
/// </summary>
internal sealed partial class ScriptWatcher(LiveScripts live, DialogsOptions options, ILogger<ScriptWatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Directory.Exists(options.Path))
        {
            return;
        }

        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(options.Path, "*.yaml") { IncludeSubdirectories = true };
        FileSystemEventHandler onChange = (_, _) => changed.Release();
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, _) => changed.Release();
        watcher.EnableRaisingEvents = true;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(stoppingToken);
                while (await changed.WaitAsync(Quiet, stoppingToken))
                {
                    // Still changing: wait for quiet.
                }

                var report = await live.ReloadAsync("file change", stoppingToken);
                if (report.AnyRefused)
                {
                    LogRefused(report.ToString());
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            changed.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A changed dialog script was refused; the last good version keeps serving:\n{Report}")]
    private partial void LogRefused(string report);
}
