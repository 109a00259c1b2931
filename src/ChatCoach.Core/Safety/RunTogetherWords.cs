namespace ChatCoach.Core.Safety;

/// <summary>
/// Reads a long word typed without spaces as the words it is made of ("iwanttodie", "ifailedandimgonnaendmylife"),
/// so a missing space cannot hide what is said. A word is split into the fewest words the script knows (pattern and
/// exception words, shorthand, and its word lists) that spell the whole of it, into three words or more, and only
/// when those words, read with the rest of their sentence, raise an alarm that the word itself does not: ordinary
/// long words that short words happen to spell ("bangladesh", "inshallah") stay whole, and so does every word the
/// script names (a beginning such as "kill*" names a word with a short ending, not "killmyselfrn"). Keys collapse a
/// doubled letter, so a piece may begin on the letter the previous one ended with ("want" + "to" in "wantodie").
/// </summary>
internal sealed class RunTogetherWords
{
    private const int ShortestSplit = 8;
    private const int LongestSplit = 64;

    // Two words are mostly a compound ("suizidraten", suicide rates), which the patterns read by its beginning.
    private const int ShortestSplitInto = 3;

    // What a word's beginning may be followed by and still be that word: "-ing", "-ally", "-ation".
    private const int LongestEnding = 5;

    private readonly WordTest[] _tests;
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longestWord;
    private readonly TextNormalizer _normalizer;

    /// <summary>
    /// Splits into the words of the patterns and exceptions (<paramref name="tests"/>) and <paramref name="others"/>;
    /// a word any of the tests accepts, by its beginning or with a typo, is never split.
    /// </summary>
    public RunTogetherWords(IEnumerable<WordTest> tests, IEnumerable<string> others, TextNormalizer normalizer)
    {
        _tests = tests.Distinct().ToArray();
        _words = _tests.Where(t => !t.Prefix).Select(t => t.Key).Concat(others)
            .Where(w => w.Length >= 2 || w == "i").ToHashSet(StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestWord = _words.Count == 0 ? 0 : _words.Max(w => w.Length);
        _normalizer = normalizer;
    }

    /// <summary>
    /// <paramref name="tokens"/> with each run-together word split where, read with the rest of the sentence,
    /// <paramref name="raisesAlarm"/> says its words do and the word itself does not.
    /// </summary>
    public List<Token> Split(List<Token> tokens, Func<List<Token>, bool> raisesAlarm)
    {
        List<Token>? split = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Read(tokens, i, raisesAlarm) is not { } pieces)
            {
                split?.Add(tokens[i]);
                continue;
            }

            split ??= tokens.Take(i).ToList();
            split.AddRange(pieces);
        }

        return split ?? tokens;
    }

    /// <summary>The words the token at <paramref name="index"/> splits into, or null when it stays whole.</summary>
    private List<Token>? Read(List<Token> tokens, int index, Func<List<Token>, bool> raisesAlarm)
    {
        var token = tokens[index];
        if (Pieces(token.Key) is not { } found)
        {
            return null;
        }

        var pieces = _normalizer.Tokens(string.Join(' ', found)).Select(t => t with { Clause = token.Clause, Quote = token.Quote }).ToList();
        if (pieces.Count < ShortestSplitInto)
        {
            return null;
        }

        // The rest of the sentence may begin with the self word split from its end ("iwantokil" "myself").
        var next = tokens.Skip(index + 1).TakeWhile(t => t.Clause == token.Clause).ToList();
        return raisesAlarm([.. pieces, .. next]) && !raisesAlarm([token, .. next]) && !_tests.Any(t => Names(t, token.Key))
            ? pieces
            : null;
    }

    /// <summary>
    /// Whether <paramref name="test"/> reads <paramref name="key"/> as the script's own word: a word or a typo of it, or
    /// its beginning with an ending ("suicidal" for "suicid*"); not a beginning with more words after it
    /// ("killmyselfrn" for "kill*").
    /// </summary>
    private static bool Names(WordTest test, string key) =>
        test.Accepts(key) && (!test.Prefix || key.Length - test.Key.Length <= LongestEnding);

    /// <summary>The fewest known words <paramref name="key"/> is made of, or null when it is a word or not made of words.</summary>
    private List<string>? Pieces(string key)
    {
        if (key.Length is < ShortestSplit or > LongestSplit || _words.Contains(key) || !key.All(char.IsLetter))
        {
            return null;
        }

        // fewest[end]: the fewest pieces that spell key[..end]; the last of them is key[from[end]..end] and follows the
        // pieces that spell key[..after[end]]. A piece starts where the previous one ended, or on its last letter when
        // the two shared a doubled letter the key wrote once.
        var fewest = new int[key.Length + 1];
        var from = new int[key.Length + 1];
        var after = new int[key.Length + 1];
        Array.Fill(fewest, int.MaxValue);
        fewest[0] = 0;
        for (var end = 1; end <= key.Length; end++)
        {
            for (var start = Math.Max(0, end - _longestWord); start < end; start++)
            {
                if (!_lookup.Contains(key.AsSpan(start, end - start)))
                {
                    continue;
                }

                foreach (var previous in (ReadOnlySpan<int>)[start, start + 1])
                {
                    if (previous < end && fewest[previous] != int.MaxValue && fewest[previous] + 1 < fewest[end])
                    {
                        fewest[end] = fewest[previous] + 1;
                        from[end] = start;
                        after[end] = previous;
                    }
                }
            }
        }

        if (fewest[key.Length] is int.MaxValue or < 2)
        {
            return null;
        }

        var pieces = new List<string>();
        for (var end = key.Length; end > 0; end = after[end])
        {
            pieces.Add(key[from[end]..end]);
        }

        pieces.Reverse();
        return pieces;
    }
}
