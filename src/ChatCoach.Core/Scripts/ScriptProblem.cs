namespace ChatCoach.Core.Scripts;

/// <summary>One thing wrong with a script, located precisely enough for an editor or CI log to jump to it.</summary>
/// <param name="File">The script file.</param>
/// <param name="Position">Line and column of the offending key or value.</param>
/// <param name="Code">A stable code (see <see cref="ProblemCodes"/>).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it.</param>
public sealed record ScriptProblem(string File, SourcePosition Position, string Code, string Message, string Hint)
{
    /// <summary>A warning: worth fixing soon, but the script still validates (<c>dialogs validate</c> exits 0).</summary>
    public bool IsWarning { get; init; }

    /// <summary>The form MSBuild, editors and CI logs understand: <c>file(line,col): error CODE: message (hint)</c>.</summary>
    public override string ToString() =>
        $"{File}({Position.Line},{Position.Column}): {(IsWarning ? "warning" : "error")} {Code}: {Message}{(Hint.Length > 0 ? $" Fix: {Hint}" : string.Empty)}";
}
