namespace ChatCoach.Core.Safety;

/// <summary>
/// Reads words that were broken apart as one again, so spacing cannot hide them: a run of single letters
/// ("k i l l m y s e l f") and two pieces that make a long word some pattern is written with ("sui cidal",
/// "hope less"). Only pattern words are rebuilt, and never from a first piece that is a long pattern word already
/// ("overdosed on" stays two words), and never a pair some pattern writes as two words ("khud ko" stays two words
/// though "khudko" is a pattern word too), so ordinary pairs stay as they were typed.
/// </summary>
internal sealed class BrokenWords
{
    private const int ShortestJoined = 6;
    private const int ShortestLetterRun = 3;

    private readonly HashSet<string> _words;
    private readonly string[] _beginnings;
    private readonly HashSet<string> _writtenPairs;
    private readonly TextNormalizer _normalizer;

    public BrokenWords(IEnumerable<WordTest> patternWords, IEnumerable<string> writtenPairs, TextNormalizer normalizer)
    {
        _writtenPairs = writtenPairs.ToHashSet(StringComparer.Ordinal);
        var tests = patternWords.ToList();
        _words = tests.Where(w => !w.Prefix).Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        _beginnings = tests.Where(w => w.Prefix).Select(w => w.Key).Distinct().ToArray();
        _normalizer = normalizer;
    }

    public List<Token> Join(List<Token> tokens)
    {
        var joined = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            var run = LetterRun(tokens, i);
            if (run >= ShortestLetterRun)
            {
                var word = string.Concat(tokens.Skip(i).Take(run).Select(t => t.Key));
                joined.AddRange(_normalizer.Tokens(word).Select(t => t with { Clause = tokens[i].Clause, Quote = tokens[i].Quote }));
                i += run;
                continue;
            }

            if (i + 1 < tokens.Count && tokens[i + 1].Clause == tokens[i].Clause
                && tokens[i].Key.Length + tokens[i + 1].Key.Length >= ShortestJoined && !StartsPatternWord(tokens[i].Key)
                && !_writtenPairs.Contains($"{tokens[i].Key} {tokens[i + 1].Key}")
                && Token.KeyOf(tokens[i].Key + tokens[i + 1].Key) is var pair && IsPatternWord(pair))
            {
                joined.Add(tokens[i] with { Key = pair });
                i += 2;
                continue;
            }

            joined.Add(tokens[i]);
            i++;
        }

        return joined;
    }

    private bool IsPatternWord(string key) => key.Length >= ShortestJoined && (_words.Contains(key) || StartsPatternWord(key));

    private bool StartsPatternWord(string key) =>
        key.Length >= ShortestJoined && _words.Contains(key) || _beginnings.Any(b => key.StartsWith(b, StringComparison.Ordinal));

    private static int LetterRun(List<Token> tokens, int from)
    {
        var run = 0;
        while (from + run < tokens.Count && tokens[from + run].Key.Length == 1 && char.IsLetter(tokens[from + run].Key[0])
               && tokens[from + run].Clause == tokens[from].Clause)
        {
            run++;
        }

        return run;
    }
}
