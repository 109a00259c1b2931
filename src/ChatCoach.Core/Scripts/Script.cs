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
}
