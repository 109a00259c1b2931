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
        session.History.Clear();
        var id = script.Start;
        foreach (var node in script.Path(script.Start, facts))
        {
            id = node.Id;
            if (node.Type == NodeType.End || node.Question is { } q && !session.Answers.ContainsKey(q.Store))
            {
                break;
            }

            if (node.Type == NodeType.Ask)
            {
                session.History.Add(id);
            }
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
