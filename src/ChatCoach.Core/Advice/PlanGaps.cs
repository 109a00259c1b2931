namespace ChatCoach.Core.Advice;

/// <summary>What the plan could not take into account: questions still ahead, and those answered "not sure" or skipped.</summary>
/// <param name="Missing">Topics of questions not reached yet (empty when the conversation is complete).</param>
/// <param name="Unknown">Topics answered with an explicit unknown.</param>
public sealed record PlanGaps(IReadOnlyList<string> Missing, IReadOnlyList<string> Unknown)
{
    /// <summary>Nothing missing and nothing unknown.</summary>
    public static PlanGaps None { get; } = new([], []);
}
