namespace ChatCoach.Discord.Emulator.RateLimits;

/// <summary>
/// A request the emulator holds before processing it (<see cref="DiscordEmulator.HoldNext"/>), so a test can act at that
/// moment, for instance kill the client. A held request whose client goes away is never processed.
/// </summary>
public sealed class HeldRequest
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a matching request arrives and is being held.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>Lets the held request go on to be processed.</summary>
    public void Release() => _released.TrySetResult();

    internal async Task<bool> WaitAsync(CancellationToken clientGone)
    {
        _arrived.TrySetResult();
        try
        {
            await _released.Task.WaitAsync(clientGone);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
