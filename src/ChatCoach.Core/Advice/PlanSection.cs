using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Advice;

/// <summary>One part of a plan: the steps of one phase, in order of importance.</summary>
/// <param name="Phase">When the steps are done.</param>
/// <param name="Steps">The steps, each with the advice entry it comes from.</param>
public sealed record PlanSection(AdvicePhase Phase, IReadOnlyList<PlannedStep> Steps);

/// <summary>A step in a plan: its advice entry, the step, and whether it is the entry's first (which shows the encouragement).</summary>
public readonly record struct PlannedStep(AdviceEntry Entry, AdviceStep Step, bool Opens);
