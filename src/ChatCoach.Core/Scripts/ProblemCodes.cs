namespace ChatCoach.Core.Scripts;

/// <summary>The stable codes of script problems; dialogs/README.md explains each one.</summary>
public static class ProblemCodes
{
    /// <summary>The file is not valid YAML.</summary>
    public const string Syntax = "CC001";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "CC002";

    /// <summary>A key the format does not know (often a typo).</summary>
    public const string UnknownKey = "CC003";

    /// <summary>A value of the wrong shape or type.</summary>
    public const string WrongType = "CC004";

    /// <summary>A reference to a node that does not exist.</summary>
    public const string UnknownNode = "CC010";

    /// <summary>A node that no path from the start reaches.</summary>
    public const string UnreachableNode = "CC011";

    /// <summary>A say or ask node with nowhere to go next.</summary>
    public const string DeadEnd = "CC012";

    /// <summary>A node from which no path leads to an end node.</summary>
    public const string NoWayOut = "CC013";

    /// <summary>A node that is not exactly one of say, ask or end.</summary>
    public const string NodeShape = "CC014";

    /// <summary>Branches that cannot all be taken or that may match nothing.</summary>
    public const string BadBranches = "CC015";

    /// <summary>An answer kind the engine does not know.</summary>
    public const string UnknownKind = "CC020";

    /// <summary>Bounds that make no sense for the kind or contradict each other.</summary>
    public const string BadBounds = "CC021";

    /// <summary>Choices missing on a choice question, or present on another kind.</summary>
    public const string BadChoices = "CC022";

    /// <summary>Two choices that share an id, label, synonym or number.</summary>
    public const string DuplicateChoice = "CC023";

    /// <summary>One answer name stored by questions of different kinds.</summary>
    public const string StoreConflict = "CC024";

    /// <summary>A condition on an answer that no question stores.</summary>
    public const string UnknownAnswer = "CC030";

    /// <summary>A condition operator the engine does not know.</summary>
    public const string UnknownOperator = "CC031";

    /// <summary>A condition comparing an answer with a value it can never have.</summary>
    public const string ImpossibleValue = "CC032";

    /// <summary>Text longer than Discord allows in one message.</summary>
    public const string TextTooLong = "CC040";

    /// <summary>A button label or custom id longer than Discord allows.</summary>
    public const string ComponentTooLong = "CC041";

    /// <summary>A question without <c>unknown_default</c> in a script that accepts unknown answers, or one that does not fit the question.</summary>
    public const string UnknownDefault = "CC025";

    /// <summary>A seasons table whose rows are out of order, overlap, or use names it does not define.</summary>
    public const string BadSeasons = "CC050";

    /// <summary>The effective date falls in no season (an error), or the last season ends within 60 days (a warning).</summary>
    public const string NoSeason = "CC051";

    /// <summary>A text uses an inferred season value without telling people to check the official site.</summary>
    public const string InferredUnchecked = "CC052";

    /// <summary>An advice entry not reviewed for more than 12 months, or never (a warning).</summary>
    public const string NotReviewed = "CC053";

    /// <summary>A crisis pattern that is malformed or can never match a normalised message.</summary>
    public const string PatternNeverMatches = "CC070";

    /// <summary>A crisis exception that the pattern it stands beside never reaches.</summary>
    public const string ExceptionNeverReached = "CC071";

    /// <summary>A crisis corpus that is missing or whose figures fall below the bar.</summary>
    public const string CorpusBelowBar = "CC072";

    /// <summary>A learned reader whose examples overlap the corpus, or whose model is missing, unreadable or out of date.</summary>
    public const string LearnedModel = "CC073";
}
