namespace ChatCoach.Core.Answers;

/// <summary>Phrases of one or more words, split once when built, found in a message as whole consecutive tokens.</summary>
internal sealed class PhraseSet(params string[] phrases)
{
    private readonly string[][] _phrases = [.. phrases.Select(phrase => phrase.Split(' '))];

    /// <summary>Whether any of the phrases occurs in <paramref name="tokens"/>.</summary>
    public bool AnyIn(IReadOnlyList<string> tokens)
    {
        foreach (var words in _phrases)
        {
            for (var start = 0; start + words.Length <= tokens.Count; start++)
            {
                if (NumberWords.PhraseAt(tokens, start, words))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
