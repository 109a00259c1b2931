using ChatCoach.Core.Conversations;

namespace ChatCoach.Storage.Sqlite;

/// <summary>
/// The funnel counts of the turns one transaction saves, added up per counter so that each counter is written once at
/// the transaction's end. Counters are handed out in key order, so writers that share counters take their row locks
/// in one order and cannot deadlock on them.
/// </summary>
internal sealed class FunnelTally
{
    private readonly SortedDictionary<(string Version, string Node, string Event), long> _counts = [];

    /// <summary>Counts a saved turn: its outcome at the node it started from, and the node it entered when it moved.</summary>
    public void Add(SavedTurn turn)
    {
        var session = turn.Session;
        Count(session.ScriptVersion, turn.FromNode, turn.Outcome.ToString());
        if (session.Node != turn.FromNode)
        {
            Count(session.ScriptVersion, session.Node, "Entered");
        }
    }

    public IEnumerable<KeyValuePair<(string Version, string Node, string Event), long>> Counts => _counts;

    public void Clear() => _counts.Clear();

    private void Count(string version, string? node, string what)
    {
        if (node is not null)
        {
            _counts[(version, node, what)] = _counts.GetValueOrDefault((version, node, what)) + 1;
        }
    }
}
