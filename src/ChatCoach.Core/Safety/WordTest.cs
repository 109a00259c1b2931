using ChatCoach.Core.Answers;

namespace ChatCoach.Core.Safety;

/// <summary>
/// One word of a pattern: a whole word ("die") or a beginning ("suicid*"), compared on keys (see <see cref="Token"/>).
/// Long words also take one typo (a letter missing, extra, wrong or swapped: "sucidal", "suicdie"), because the
/// words people misspell under stress are the long ones, and short words with one letter changed are other words.
/// </summary>
internal sealed record WordTest(string Key, bool Prefix)
{
    private const int FuzzyFrom = 7;

    /// <summary>
    /// Words never taken as a typo of this one, because they are words in their own right where it is used: an
    /// exception's words do not forgive a typo into a word its pattern names ("overdoing" is not "overdosing").
    /// </summary>
    public Func<string, bool>? NoTypoFor { get; init; }

    /// <summary>Whether only a token with exactly this key is accepted (no beginning, no typo forgiven).</summary>
    public bool Exact => !Prefix && Key.Length < FuzzyFrom;

    public static WordTest Parse(string word) =>
        word.EndsWith('*') ? new WordTest(Token.KeyOf(word[..^1]), Prefix: true) : new WordTest(Token.KeyOf(word), Prefix: false);

    public bool Accepts(string key)
    {
        if (Prefix)
        {
            if (key.StartsWith(Key, StringComparison.Ordinal))
            {
                return true;
            }

            if (Key.Length < FuzzyFrom - 1 || NoTypoFor?.Invoke(key) == true)
            {
                return false;
            }

            for (var length = Key.Length - 1; length <= Math.Min(key.Length, Key.Length + 1); length++)
            {
                if (Typos.WithinOneEdit(Key, key[..length]))
                {
                    return true;
                }
            }

            return false;
        }

        return key == Key || Key.Length >= FuzzyFrom && Typos.WithinOneEdit(Key, key) && NoTypoFor?.Invoke(key) != true;
    }
}
