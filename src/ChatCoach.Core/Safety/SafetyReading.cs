namespace ChatCoach.Core.Safety;

/// <summary>What the crisis check made of a message: its level and the pattern that decided it (null when none matched).</summary>
public readonly record struct SafetyReading(SafetyLevel Level, string? Pattern);
