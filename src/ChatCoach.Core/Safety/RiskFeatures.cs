namespace ChatCoach.Core.Safety;

/// <summary>
/// What the learned reader sees of a message: its normalised words, pairs of neighbouring words, pairs one word apart,
/// the four-letter pieces of each word and the seven-character pieces of the words written out with single spaces,
/// hashed into a fixed number of slots. Pieces of words let it recognise a misspelt or inflected word ("overdosd",
/// "tabletten") from the examples' spellings; pieces across words, a phrase split or joined differently ("no one will
/// miss me", "noone will missme").
/// </summary>
internal static class RiskFeatures
{
    /// <summary>The number of bits of a feature's slot: 2^18 slots keep collisions rare at a few hundred thousand features.</summary>
    public const int Bits = 18;

    private const int Mask = (1 << Bits) - 1;

    private const int Span = 7;

    /// <summary>The distinct slots of <paramref name="tokens"/>.</summary>
    public static int[] Of(List<Token> tokens)
    {
        var slots = new HashSet<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var key = tokens[i].Key;
            slots.Add(Slot('w', key, null));
            if (i + 1 < tokens.Count)
            {
                slots.Add(Slot('b', key, tokens[i + 1].Key));
            }

            if (i + 2 < tokens.Count)
            {
                slots.Add(Slot('s', key, tokens[i + 2].Key));
            }

            var framed = $"<{key}>";
            for (var start = 0; start + 4 <= framed.Length; start++)
            {
                slots.Add(Slot('p', framed.Substring(start, 4), null));
            }
        }

        var words = $" {string.Join(' ', tokens.Select(t => t.Key))} ";
        for (var start = 0; start + Span <= words.Length; start++)
        {
            slots.Add(Slot('x', words.Substring(start, Span), null));
        }

        return [.. slots];
    }

    // FNV-1a: stable across processes and platforms, unlike string.GetHashCode, so a saved model reads the same slots.
    private static int Slot(char kind, string first, string? second)
    {
        var hash = 2166136261u;
        hash = Mix(hash, kind);
        foreach (var c in first)
        {
            hash = Mix(hash, c);
        }

        if (second is not null)
        {
            hash = Mix(hash, ' ');
            foreach (var c in second)
            {
                hash = Mix(hash, c);
            }
        }

        return (int)(hash & Mask);
    }

    private static uint Mix(uint hash, char c) => (hash ^ c) * 16777619u;
}
