using ChatCoach.Core.Engine;

namespace ChatCoach.Core.Scripts;

/// <summary>Moves a session onto another version of its script without losing an answer.</summary>
internal static class SessionMigration
{
    /// <summary>
    /// Stays at the same question when the new version still has it (with the same kind of answer, when the old
    /// version is known); otherwise walks the new version with the answers already given and stops at the first
    /// open question. Returns true when the session moved to another question.
    /// </summary>
    public static bool MoveTo(Session session, Script script, Script? from, DateOnly today)
    {
        session.ScriptId = script.Id;
        session.ScriptVersion = script.Version;
        session.History.RemoveAll(id => script.Nodes.GetValueOrDefault(id)?.Type != NodeType.Ask);
        if (session.Node is null || SameStep(session.Node, script, from))
        {
            return false;
        }

        var facts = new Facts(session.Answers, script, today);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var id = script.Start;
        session.History.Clear();
        while (visited.Add(id) && script.Nodes[id] is var node && node.Type != NodeType.End
               && (node.Question is null || session.Answers.ContainsKey(node.Question.Store)))
        {
            if (node.Type == NodeType.Ask)
            {
                session.History.Add(id);
            }

            id = node.Next.First(b => b.When?.Evaluate(facts) ?? true).Target;
        }

        session.Node = id;
        session.Tries = 0;
        session.Turn++;
        return true;
    }

    /// <summary>Whether a session at <paramref name="nodeId"/> of <paramref name="from"/> can stay at that question on <paramref name="script"/>.</summary>
    public static bool SameStep(string nodeId, Script script, Script? from)
    {
        if (!script.Nodes.TryGetValue(nodeId, out var node) || node.Type == NodeType.Say)
        {
            return false;
        }

        var before = from?.Nodes.GetValueOrDefault(nodeId);
        return before is null || before.Type == node.Type && before.Question?.Kind == node.Question?.Kind;
    }
}
