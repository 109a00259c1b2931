using ChatCoach.Core.Answers;
using ChatCoach.Core.Seasons;

namespace ChatCoach.Core.Scripts;

/// <summary>A validated dialog script: the conversation a moderator wrote, immutable once loaded.</summary>
public sealed record Script
{
    /// <summary>The script's id; sessions and configuration refer to it.</summary>
    public required string Id { get; init; }

    /// <summary>The hash of the file's content, which identifies this version.</summary>
    public required string Version { get; init; }

    /// <summary>The file it was loaded from.</summary>
    public required string File { get; init; }

    /// <summary>The YAML text it was loaded from, kept so every version can be restored exactly.</summary>
    public required string Source { get; init; }

    /// <summary>The id of the first node.</summary>
    public required string Start { get; init; }

    /// <summary>Every node, by id, in file order.</summary>
    public required IReadOnlyDictionary<string, Node> Nodes { get; init; }

    /// <summary>Advice entries in file order, which is the order of importance.</summary>
    public required IReadOnlyList<AdviceEntry> Advice { get; init; }

    /// <summary>Values computed from answers, usable in conditions: name to the year answer it counts from.</summary>
    public required IReadOnlyDictionary<string, string> YearsSince { get; init; }

    /// <summary>The safety interrupt.</summary>
    public required Crisis Crisis { get; init; }

    /// <summary>The bot's own lines.</summary>
    public required ScriptTexts Texts { get; init; }

    /// <summary>How "not sure" and unreadable answers are treated.</summary>
    public Understanding Understanding { get; init; } = Understanding.Off;

    /// <summary>The seasons table, in file order (empty: the script names no dates).</summary>
    public IReadOnlyList<Season> Seasons { get; init; } = [];

    /// <summary>The rule for the first Match a profile can enter, or null when the script states none.</summary>
    public RealisticMatch? RealisticMatch { get; init; }

    /// <summary>For each answer name, what conditions see when the answer is unknown (absent: nothing, as if unanswered).</summary>
    public IReadOnlyDictionary<string, AnswerValue> UnknownDefaults { get; init; } = new Dictionary<string, AnswerValue>();

    /// <summary>The season row covering <paramref name="today"/>, or null when the table has none.</summary>
    public Season? SeasonOn(DateOnly today) => Seasons.FirstOrDefault(s => s.Covers(today));

    /// <summary>
    /// The nodes the conversation passes through from <paramref name="from"/> with these facts, following
    /// <see cref="Node.NextFor"/>, up to and including the end node (or until a node repeats).
    /// </summary>
    public IEnumerable<Node> Path(string from, Facts facts)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (var id = from; visited.Add(id) && Nodes.TryGetValue(id, out var node); id = node.NextFor(facts)!.Target)
        {
            yield return node;
            if (node.Type == NodeType.End)
            {
                yield break;
            }
        }
    }
}
