using ChatCoach.Core.Safety;

namespace ChatCoach.Core.Scripts;

/// <summary>
/// The safety check: how messages are read for risk (vocabulary and patterns, level by level), what the bot says at
/// each level, how it reads answers to its safety questions while coaching is paused, and the lines per country.
/// </summary>
public sealed record Crisis
{
    /// <summary>The corpus folder (relative to the script's folder) whose figures a reload must meet; none for no check.</summary>
    public string? Corpus { get; init; }

    /// <summary>The learned reader: its examples, its trained model and the probability from which it reads crisis; none for patterns only.</summary>
    public LearnedReader? Learned { get; init; }

    /// <summary>The trained model of <see cref="Learned"/>, attached when the script is loaded from its folder.</summary>
    public RiskModel? Model { get; init; }

    /// <summary>Words rewritten before matching: chat shorthand and misspellings ("kms" → "kill myself").</summary>
    public IReadOnlyDictionary<string, string> Rewrites { get; init; } = new Dictionary<string, string>();

    /// <summary>Words split off the end of a word they were run into ("killmyself" → "kill myself").</summary>
    public IReadOnlyList<string> Glued { get; init; } = [];

    /// <summary>Words that may stand between two pattern words ("just", "really").</summary>
    public IReadOnlyList<string> Fillers { get; init; } = [];

    /// <summary>Words that make a sentence about the speaker.</summary>
    public IReadOnlyList<string> FirstPerson { get; init; } = [];

    /// <summary>Words that make a sentence about someone else.</summary>
    public IReadOnlyList<string> ThirdPerson { get; init; } = [];

    /// <summary>Words after which a possessive names a place or group, not the subject ("a guy from my batch").</summary>
    public IReadOnlyList<string> Prepositions { get; init; } = [];

    /// <summary>First-person possessives ("my"): after a preposition they do not say who the sentence is about.</summary>
    public IReadOnlyList<string> Possessives { get; init; } = [];

    /// <summary>Words that report someone else's speech ("says", "told"): "the patient says I want to die" is the patient's.</summary>
    public IReadOnlyList<string> Reporting { get; init; } = [];

    /// <summary>
    /// Words after which a third-person word names the speaker ("I am an IMG"), with up to two words between that
    /// are neither prepositions nor possessives.
    /// </summary>
    public IReadOnlyList<string> SelfNaming { get; init; } = [];

    /// <summary>
    /// Words that give someone's age after a number ("a 24 yo"): there they name someone else, even when another set
    /// makes the word first-person (Spanish "yo").
    /// </summary>
    public IReadOnlyList<string> Ages { get; init; } = [];

    /// <summary>Named word sets patterns refer to as <c>@name</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Sets { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The levels the script defines (crisis always; concern and distress when written).</summary>
    public required IReadOnlyDictionary<SafetyLevel, SafetyLevelDefinition> Levels { get; init; }

    /// <summary>Said to a message while paused that is neither an answer, a country nor a wish to go on.</summary>
    public required string PausedReply { get; init; }

    /// <summary>Said to a no (or an unclear answer) to "are you safe?": the emergency number first, then the lines.</summary>
    public required string UrgentReply { get; init; }

    /// <summary>Said to a yes to "are you safe?".</summary>
    public required string SafeReply { get; init; }

    /// <summary>The word of care before the open question, after a no to "are you thinking of harming yourself?".</summary>
    public string? CareReply { get; init; }

    /// <summary>Phrases that answer a safety question with "no, I'm not safe" ("not really", "I'm not okay").</summary>
    public IReadOnlyList<string> NotSafe { get; init; } = [];

    /// <summary>Phrases that say "I'm safe" ("I'm safe", "I'm okay"); beside a resume phrase they still mean "go on".</summary>
    public IReadOnlyList<string> Safe { get; init; } = [];

    /// <summary>Whole answers that say neither yes nor no ("ok", "not sure", "idk"); read as the riskier answer.</summary>
    public IReadOnlyList<string> Unclear { get; init; } = [];

    /// <summary>Phrases with which the user asks to go back to coaching.</summary>
    public required IReadOnlyList<string> ResumeWords { get; init; }

    /// <summary>Said when coaching resumes, before the open question.</summary>
    public required string ResumeReply { get; init; }

    /// <summary>Local help lines, given when the user names the country they are in.</summary>
    public IReadOnlyList<CountryLines> Countries { get; init; } = [];
}

/// <summary>One level: its fixed opening sentence, the rest of its first reply, and the patterns that raise it.</summary>
public sealed record SafetyLevelDefinition(string Opening, string? Reply, IReadOnlyList<PatternSource> Patterns);

/// <summary>A pattern as written, with the exceptions written beside it, and where.</summary>
public sealed record PatternSource(string Match, IReadOnlyList<PatternText> Unless, SourcePosition Position);

/// <summary>A pattern text and where it was written.</summary>
public sealed record PatternText(string Text, SourcePosition Position);

/// <summary>Help lines for the countries named by <paramref name="Names"/>.</summary>
public sealed record CountryLines(IReadOnlyList<string> Names, string Reply);

/// <summary>
/// Where the learned reader's examples (<paramref name="Examples"/>) and trained model (<paramref name="Model"/>) are,
/// relative to the script's folder, the probability from which it reads a message as crisis, the probability from
/// which it reads one as concern (<see cref="ConcernThreshold"/>), and the patterns of ordinary talk it is not asked
/// about (<see cref="Unless"/>).
/// </summary>
public sealed record LearnedReader(string Examples, string Model, double Threshold, SourcePosition Position)
{
    /// <summary>The probability from which the reader's concern head makes a message concern; none to leave concern to the patterns.</summary>
    public double? ConcernThreshold { get; init; }

    /// <summary>Patterns of messages the reader is not asked about ("my grandma's funeral"): moderators' word over its guess.</summary>
    public IReadOnlyList<PatternText> Unless { get; init; } = [];
}
