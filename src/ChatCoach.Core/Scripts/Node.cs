namespace ChatCoach.Core.Scripts;

/// <summary>One step of a conversation: it says something, asks something, or ends with the plan.</summary>
public sealed record Node
{
    /// <summary>The node's id, unique in its script.</summary>
    public required string Id { get; init; }

    /// <summary>What the node does.</summary>
    public required NodeType Type { get; init; }

    /// <summary>What the bot says: the message, the question, or the plan's heading.</summary>
    public required string Text { get; init; }

    /// <summary>For ask nodes, what answer is expected and where it goes.</summary>
    public Question? Question { get; init; }

    /// <summary>Where the conversation goes next, first matching branch wins; empty for end nodes.</summary>
    public IReadOnlyList<Branch> Next { get; init; } = [];

    /// <summary>Where the node was written.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>
    /// The branch these facts take: the first whose condition holds, else the last (a validated script ends every
    /// list with a default, and a session moved between versions must still go somewhere). Null for end nodes.
    /// </summary>
    public Branch? NextFor(Facts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var branch in Next)
        {
            if (branch.When?.Evaluate(facts) ?? true)
            {
                return branch;
            }
        }

        return Next.Count > 0 ? Next[^1] : null;
    }
}

/// <summary>What a node does.</summary>
public enum NodeType
{
    /// <summary>Says something and moves on.</summary>
    Say,

    /// <summary>Asks a question and waits for the answer.</summary>
    Ask,

    /// <summary>Ends the conversation with the plan.</summary>
    End,
}
