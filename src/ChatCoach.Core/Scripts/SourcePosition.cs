namespace ChatCoach.Core.Scripts;

/// <summary>Where something was written in a script file (1-based), so every problem can point at it.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>Position for problems that concern the whole file.</summary>
    public static SourcePosition Start { get; } = new(1, 1);
}
