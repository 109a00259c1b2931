namespace ChatCoach.Core.Safety;

/// <summary>
/// A phrase pattern over normalised words. Written as words separated by spaces: <c>want|wish</c> is either word,
/// <c>(my life|it all)</c> either group of words, <c>suicid*</c> any word starting so, <c>@self</c> (alone or among alternatives) any item of the
/// script's word set <c>self</c> (items may be several words), a trailing <c>?</c> makes an element optional, <c>..</c> allows up to 3 other words and
/// <c>...</c> up to 8. Between two elements the script's filler words ("just", "really", "honestly") may also stand,
/// so "I want to end it" matches "I just want to really end it". Phrases joined by <c>&amp;</c> must all stand in one
/// sentence, in any order ("@pills &amp; (saving|saved)"): for what people say in many word orders; joined by
/// <c>&amp;&amp;</c>, anywhere in the message ("gave away my laptop &amp;&amp; will not need it"): for what people
/// say across sentences.
/// </summary>
internal sealed class SafetyPattern
{
    private const int ShortGap = 3;
    private const int LongGap = 8;

    private const string AnySentence = "&&";

    private readonly Element[][] _phrases;
    private readonly HashSet<string> _fillers;
    private readonly bool _anySentence;

    private SafetyPattern(string text, Element[][] phrases, HashSet<string> fillers, bool anySentence)
    {
        Text = text;
        _phrases = phrases;
        _fillers = fillers;
        _anySentence = anySentence;
    }

    /// <summary>
    /// This pattern with its words forgiving no typo into a word <paramref name="ownWord"/> names: for an exception,
    /// whose long words would otherwise cancel the very words its pattern is written with.
    /// </summary>
    public SafetyPattern WithNoTypoFor(Func<string, bool> ownWord) =>
        new(Text, [.. _phrases.Select(phrase => phrase.Select(element => element with
        {
            Choices = [.. element.Choices.Select(choice => choice.Select(word => word with { NoTypoFor = ownWord }).ToArray())],
        }).ToArray())], _fillers, _anySentence);

    /// <summary>Whether <paramref name="key"/> is one of this pattern's words as written: exactly, or by its beginning.</summary>
    public bool Names(string key) => Words.Any(w => w.Prefix ? key.StartsWith(w.Key, StringComparison.Ordinal) : key == w.Key);

    /// <summary>Whether the pattern is one word, or a choice of single words ("(die|dead)").</summary>
    public bool OneWord => _phrases.Length == 1 && _phrases[0].Length == 1 && _phrases[0][0].Choices.All(choice => choice.Length == 1);

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; on failure, the reason a moderator can act on.</summary>
    public static (SafetyPattern? Pattern, string? Error) Parse(string text, SafetyVocabulary vocabulary)
    {
        var phrases = new List<Element[]>();
        var anySentence = text.Contains(AnySentence, StringComparison.Ordinal);
        if (anySentence && text.Replace(AnySentence, string.Empty, StringComparison.Ordinal).Contains('&'))
        {
            return (null, "'&' (one sentence) and '&&' (anywhere in the message) cannot be mixed in one pattern");
        }

        foreach (var phrase in anySentence ? text.Split(AnySentence, StringSplitOptions.TrimEntries) : text.Split('&', StringSplitOptions.TrimEntries))
        {
            var (elements, error) = ParsePhrase(phrase, vocabulary);
            if (elements is null)
            {
                return (null, phrases.Count == 0 && !text.Contains('&') ? error : $"'{phrase}': {error}");
            }

            phrases.Add(elements);
        }

        return (new SafetyPattern(text, [.. phrases], vocabulary.Fillers, anySentence), null);
    }

    private static (Element[]? Elements, string? Error) ParsePhrase(string text, SafetyVocabulary vocabulary)
    {
        var elements = new List<Element>();
        foreach (var part in Parts(text))
        {
            if (part is ".." or "...")
            {
                if (elements.Count == 0 || elements[^1].Gap > 0)
                {
                    return (null, $"'{part}' must stand between two words");
                }

                elements.Add(new Element([], part == ".." ? ShortGap : LongGap, Optional: false));
                continue;
            }

            var optional = part.EndsWith('?');
            var body = optional ? part[..^1] : part;
            var (choices, error) = body.StartsWith('@') ? SetChoices(body[1..], vocabulary)
                : body.StartsWith('(') ? Choices(body[1..^1].Split('|').Select(a => a.Trim()), vocabulary)
                : Choices(body.Split('|'), vocabulary);
            if (error is not null)
            {
                return (null, error);
            }

            elements.Add(new Element(choices!, Gap: 0, optional));
        }

        if (elements.Count == 0 || elements.All(e => e.Optional || e.Gap > 0))
        {
            return (null, "it has no word that must be there");
        }

        if (elements[^1].Gap > 0)
        {
            return (null, $"'{(elements[^1].Gap == ShortGap ? ".." : "...")}' must stand between two words");
        }

        return ([.. elements], null);
    }

    /// <summary>Every word the pattern is written with.</summary>
    public IEnumerable<WordTest> Words => _phrases.SelectMany(p => p).SelectMany(e => e.Choices).SelectMany(choice => choice);

    /// <summary>
    /// Two words the pattern writes side by side ("khud ko"), as "khud ko": inside an alternative, and from one element
    /// to the next when no gap stands between them.
    /// </summary>
    public IEnumerable<string> WrittenPairs =>
        _phrases.SelectMany(phrase => phrase.SelectMany(e => e.Choices).SelectMany(choice => choice.Zip(choice.Skip(1)))
            .Concat(phrase.Zip(phrase.Skip(1)).SelectMany(pair =>
                from before in pair.First.Choices
                from after in pair.Second.Choices
                where before.Length > 0 && after.Length > 0
                select (before[^1], after[0]))))
        .Select(pair => $"{pair.Item1.Key} {pair.Item2.Key}");

    /// <summary>
    /// Words one of which a message must hold for the pattern to match (the first words of a required element's
    /// choices: the element with fewest, then with the longest, so likely rarest, words), or null when no element is
    /// made only of exact words. Lets a classifier skip most patterns without trying them.
    /// </summary>
    public IReadOnlySet<string>? Anchors =>
        _phrases.SelectMany(p => p)
            .Where(e => e.Gap == 0 && !e.Optional && e.Choices.All(choice => choice.Length > 0 && choice[0].Exact))
            .Select(e => e.Choices.Select(choice => choice[0].Key).ToHashSet(StringComparer.Ordinal))
            .OrderBy(anchors => anchors.Count)
            .ThenByDescending(anchors => anchors.Min(word => word.Length))
            .FirstOrDefault();

    /// <summary>Where the pattern matches, one span (start, end exclusive) per word it can start at.</summary>
    public IEnumerable<(int Start, int End)> Matches(IReadOnlyList<Token> tokens) =>
        _phrases.Length == 1 ? PhraseMatches(_phrases[0], tokens, 0)
        : _anySentence ? SentenceMatch(tokens, 0) is { } span ? [span] : []
        : SentenceMatches(tokens);

    private IEnumerable<(int Start, int End)> PhraseMatches(Element[] phrase, IReadOnlyList<Token> tokens, int offset)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            var end = Match(phrase, tokens, 0, start);
            if (end >= 0)
            {
                yield return (offset + start, offset + end);
            }
        }
    }

    /// <summary>One span per sentence in which every phrase matches: from the first phrase's start to the last one's end.</summary>
    private IEnumerable<(int Start, int End)> SentenceMatches(IReadOnlyList<Token> tokens)
    {
        for (var from = 0; from < tokens.Count;)
        {
            var to = from;
            while (to < tokens.Count && tokens[to].Clause == tokens[from].Clause)
            {
                to++;
            }

            if (SentenceMatch(tokens.Skip(from).Take(to - from).ToList(), from) is { } span)
            {
                yield return span;
            }

            from = to;
        }
    }

    /// <summary>From the first phrase's start to the last one's end when every phrase matches in the sentence, else null.</summary>
    private (int Start, int End)? SentenceMatch(IReadOnlyList<Token> sentence, int offset)
    {
        var (start, end) = (int.MaxValue, int.MinValue);
        foreach (var phrase in _phrases)
        {
            var found = false;
            foreach (var (phraseStart, phraseEnd) in PhraseMatches(phrase, sentence, offset))
            {
                (start, end, found) = (Math.Min(start, phraseStart), Math.Max(end, phraseEnd), true);
                break;
            }

            if (!found)
            {
                return null;
            }
        }

        return (start, end);
    }

    /// <summary>
    /// Messages this pattern is written to match, one per alternative position (the first choice of every element,
    /// then the second, ...), without optional parts or gaps: what the validator uses to test reach.
    /// </summary>
    public IEnumerable<List<Token>> Samples()
    {
        var most = _phrases.SelectMany(p => p).Max(e => e.Choices.Length);
        for (var variant = 0; variant < most; variant++)
        {
            yield return _phrases.SelectMany(p => p).Where(e => e.Gap == 0)
                .SelectMany(e => e.Choices[Math.Min(variant, e.Choices.Length - 1)])
                .Select(w => new Token(w.Key, 0))
                .ToList();
        }
    }

    private int Match(Element[] phrase, IReadOnlyList<Token> tokens, int index, int position)
    {
        if (index == phrase.Length)
        {
            return position;
        }

        var element = phrase[index];
        if (element.Gap > 0)
        {
            for (var skip = 0; skip <= element.Gap && position + skip <= tokens.Count; skip++)
            {
                var end = Match(phrase, tokens, index + 1, position + skip);
                if (end >= 0)
                {
                    return end;
                }
            }

            return -1;
        }

        // Fillers may stand before any element but the first; at most a few, so a long message cannot blow up.
        for (var at = position; at <= tokens.Count && at - position <= 3; at++)
        {
            foreach (var choice in element.Choices)
            {
                if (Fits(tokens, at, choice) && Match(phrase, tokens, index + 1, at + choice.Length) is var end and >= 0)
                {
                    return end;
                }
            }

            if (index == 0 || at >= tokens.Count || !_fillers.Contains(tokens[at].Key))
            {
                break;
            }
        }

        return element.Optional ? Match(phrase, tokens, index + 1, position) : -1;
    }

    private static bool Fits(IReadOnlyList<Token> tokens, int at, WordTest[] choice)
    {
        if (at + choice.Length > tokens.Count)
        {
            return false;
        }

        for (var i = 0; i < choice.Length; i++)
        {
            if (!choice[i].Accepts(tokens[at + i].Key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The elements of a pattern: words, alternatives joined by '|', groups in parentheses (kept whole), gaps.</summary>
    private static List<string> Parts(string text)
    {
        var parts = new List<string>();
        var at = 0;
        while (at < text.Length)
        {
            if (char.IsWhiteSpace(text[at]))
            {
                at++;
                continue;
            }

            var end = at;
            var depth = 0;
            while (end < text.Length && (depth > 0 || !char.IsWhiteSpace(text[end])))
            {
                depth += text[end] == '(' ? 1 : text[end] == ')' ? -1 : 0;
                end++;
            }

            parts.Add(text[at..end]);
            at = end;
        }

        return parts;
    }

    private static (WordTest[][]? Choices, string? Error) SetChoices(string name, SafetyVocabulary vocabulary) =>
        vocabulary.Sets.TryGetValue(name, out var items) ? Choices(items, vocabulary) : (null, $"there is no word set '@{name}'");

    /// <summary>Alternatives, each one word or several ("my life"); a word ending in '*' is a beginning.</summary>
    private static (WordTest[][]? Choices, string? Error) Choices(IEnumerable<string> alternatives, SafetyVocabulary vocabulary)
    {
        var choices = new List<WordTest[]>();
        foreach (var alternative in alternatives)
        {
            if (alternative.StartsWith('@'))
            {
                var (items, setError) = SetChoices(alternative[1..], vocabulary);
                if (items is null)
                {
                    return (null, setError);
                }

                choices.AddRange(items);
                continue;
            }

            var words = alternative.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                return (null, "an empty alternative (two '|' in a row, or empty parentheses)");
            }

            if (words.Select(w => CheckWord(w, vocabulary)).FirstOrDefault(e => e is not null) is { } error)
            {
                return (null, error);
            }

            choices.Add(words.Select(WordTest.Parse).ToArray());
        }

        return (choices.ToArray(), null);
    }

    /// <summary>A word normalisation would change (capitals, accents, apostrophes, shorthand it rewrites) never matches.</summary>
    private static string? CheckWord(string word, SafetyVocabulary vocabulary)
    {
        var bare = word.EndsWith('*') ? word[..^1] : word;
        if (bare.Length == 0)
        {
            return "an empty word (two '|' in a row, or a lone '*')";
        }

        return vocabulary.Normalizer.KeepsWord(bare)
            ? null
            : $"'{bare}' can never match: messages are compared after normalisation (lower case, no accents or apostrophes, shorthand rewritten), so write it as normalised text";
    }

    /// <summary>One position of the pattern: choices of word sequences, or a gap of up to <paramref name="Gap"/> words.</summary>
    private sealed record Element(WordTest[][] Choices, int Gap, bool Optional);
}
