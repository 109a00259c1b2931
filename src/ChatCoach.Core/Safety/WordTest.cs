namespace ChatCoach.Core.Safety;

/// <summary>
/// One word of a pattern: a whole word ("die") or a beginning ("suicid*"), compared on keys (see <see cref="Token"/>).
/// Long words also take one typo (a letter missing, extra, wrong or swapped: "sucidal", "suicdie"), because the
/// words people misspell under stress are the long ones, and short words with one letter changed are other words.
/// </summary>
internal sealed record WordTest(string Key, bool Prefix)
{
    private const int FuzzyFrom = 7;

    public static WordTest Parse(string word) =>
        word.EndsWith('*') ? new WordTest(Token.KeyOf(word[..^1]), Prefix: true) : new WordTest(Token.KeyOf(word), Prefix: false);

    /// <summary>The word as a sample message would contain it.</summary>
    public string Sample => Key;

    public bool Accepts(string key)
    {
        if (Prefix)
        {
            if (key.StartsWith(Key, StringComparison.Ordinal))
            {
                return true;
            }

            if (Key.Length < FuzzyFrom - 1)
            {
                return false;
            }

            for (var length = Key.Length - 1; length <= Math.Min(key.Length, Key.Length + 1); length++)
            {
                if (WithinOneEdit(Key, key[..length]))
                {
                    return true;
                }
            }

            return false;
        }

        return key == Key || Key.Length >= FuzzyFrom && WithinOneEdit(Key, key);
    }

    /// <summary>Optimal string alignment distance ≤ 1: one insertion, deletion, substitution or swap of neighbours.</summary>
    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return true;
        }

        var ra = a.AsSpan(i);
        var rb = b.AsSpan(i);
        return a.Length == b.Length
            ? ra[1..].SequenceEqual(rb[1..]) || ra.Length >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..].SequenceEqual(rb[2..])
            : a.Length > b.Length ? ra[1..].SequenceEqual(rb) : ra.SequenceEqual(rb[1..]);
    }
}
