namespace ChatCoach.Core.Scripts;

/// <summary>Collects the problems of one file, so a moderator sees all of them in one run.</summary>
internal sealed class ProblemList(string file)
{
    private readonly List<ScriptProblem> _items = [];

    public IReadOnlyList<ScriptProblem> Items => _items;

    public void Add(SourcePosition position, string code, string message, string hint) =>
        _items.Add(new ScriptProblem(file, position, code, message, hint));
}
