namespace ChatCoach.Discord.Outbox;

/// <summary>
/// What this host knows of an interaction it is answering: whether its first answer was a deferral (then the turn's
/// first message fills the placeholder), and when that first answer reached Discord (follow-ups must come after it).
/// </summary>
internal sealed class InteractionProgress
{
    private readonly TaskCompletionSource<bool> _acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Deferred { get; set; }

    /// <summary>True once Discord took the first answer; false when it never will.</summary>
    public Task<bool> Acknowledged => _acknowledged.Task;

    public void Settle(bool landed) => _acknowledged.TrySetResult(landed);
}
