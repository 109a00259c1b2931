using ChatCoach.Core.Engine;

namespace ChatCoach.Core.Safety;

/// <summary>What the safety side decided for a message: what to say, the funnel outcome, and whether coaching goes on.</summary>
/// <param name="Outcome">The turn's outcome.</param>
/// <param name="Texts">What to say, in order.</param>
/// <param name="Resumes">Whether coaching resumes after the texts, with the open question.</param>
internal sealed record SafetyStep(TurnOutcome Outcome, IReadOnlyList<string> Texts, bool Resumes = false);
