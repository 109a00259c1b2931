using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Safety;

/// <summary>The words every pattern of a script shares: how text is normalised, fillers, word sets and who is speaking.</summary>
internal sealed class SafetyVocabulary
{
    public SafetyVocabulary(Crisis crisis)
    {
        Normalizer = new TextNormalizer(crisis.Rewrites, crisis.Glued);
        Fillers = Keys(crisis.Fillers);
        FirstPerson = Keys(crisis.FirstPerson);
        ThirdPerson = Keys(crisis.ThirdPerson);
        Reporting = Keys(crisis.Reporting);
        Prepositions = Keys(crisis.Prepositions);
        Possessives = Keys(crisis.Possessives);
        SelfNaming = Keys(crisis.SelfNaming);
        Ages = Keys(crisis.Ages);
        Sets = crisis.Sets;
    }

    public TextNormalizer Normalizer { get; }

    /// <summary>Words that may stand between two pattern elements without changing what is said.</summary>
    public HashSet<string> Fillers { get; }

    /// <summary>Words that make a clause about the speaker ("i", "me", "my").</summary>
    public HashSet<string> FirstPerson { get; }

    /// <summary>Words that make a clause about someone else ("he", "my friend", "the patient").</summary>
    public HashSet<string> ThirdPerson { get; }

    /// <summary>Words after which a possessive is not the subject ("from my batch", "on my rotation").</summary>
    public HashSet<string> Prepositions { get; }

    /// <summary>First-person possessives ("my").</summary>
    public HashSet<string> Possessives { get; }

    /// <summary>Words after which a third-person word names the speaker ("I am an IMG").</summary>
    public HashSet<string> SelfNaming { get; }

    /// <summary>Words that give someone's age after a number ("24 yo").</summary>
    public HashSet<string> Ages { get; }

    /// <summary>Words that report someone else's speech ("says", "told").</summary>
    public HashSet<string> Reporting { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Sets { get; }

    private static HashSet<string> Keys(IEnumerable<string> words) => words.Select(Token.KeyOf).ToHashSet(StringComparer.Ordinal);
}
