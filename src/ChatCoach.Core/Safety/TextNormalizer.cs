using System.Text;

namespace ChatCoach.Core.Safety;

/// <summary>
/// Turns a message into the words the patterns are matched against: lower case, accents folded, apostrophe
/// endings spelt out ("I'll" = "I will") and other apostrophes dropped ("don't" = "dont"), symbols written for letters inside a word read as letters ("d!e", "su1c1de"),
/// stretched letters collapsed (see <see cref="Token"/>), chat shorthand and common
/// misspellings rewritten from the script's table ("kms" = "kill myself", "sucidal" = "suicidal"), and words run
/// together with a self word split ("killmyself" = "kill myself").
/// </summary>
internal sealed class TextNormalizer
{
    private readonly Dictionary<string, string[]> _rewrites;
    private readonly string[] _glued;

    /// <summary>Builds the normaliser from the script's rewrites (word → words) and glued endings.</summary>
    public TextNormalizer(IReadOnlyDictionary<string, string> rewrites, IEnumerable<string> glued)
    {
        _rewrites = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (word, words) in rewrites)
        {
            _rewrites[Token.KeyOf(word.Replace(VariationSelector, string.Empty, StringComparison.Ordinal))] = Words(words).Select(Token.KeyOf).ToArray();
        }

        _glued = glued.Select(Token.KeyOf).ToArray();
    }

    /// <summary>The rewrites, from a word's key to the keys of the words it stands for ("kms" → "kil", "myself").</summary>
    public IReadOnlyDictionary<string, string[]> Rewrites => _rewrites;

    /// <summary>Whether <paramref name="word"/> survives normalisation as itself (a pattern word must, or it never matches).</summary>
    public bool KeepsWord(string word)
    {
        var tokens = Tokens(word);
        return tokens.Count == 1 && tokens[0].Key == Token.KeyOf(word)
            && word.All(c => (char.IsLetterOrDigit(c) || IsMark(c)) && !char.IsUpper(c) && !AccentFolding.Folds(c));
    }

    /// <summary>The normalised words of <paramref name="text"/>.</summary>
    public List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var clause = 0;
        var quote = 0;
        var quotes = 0;
        var singleQuoted = false;
        var word = new StringBuilder();
        var letters = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '’' or '‘' or '`' or '´')
            {
                if (word.Length == 0 && quote == 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]) && ClosingSingleQuote(text, i + 1))
                {
                    // 'I wish I was dead' in single quotes is a passage too, when its closing quote follows.
                    quote = ++quotes;
                    singleQuoted = true;
                    continue;
                }

                if (singleQuoted && !char.IsWhiteSpace(text[i - 1]) && (i + 1 == text.Length || !char.IsLetter(text[i + 1])))
                {
                    Flush(word, clause, quote, tokens, letters);
                    quote = 0;
                    singleQuoted = false;
                    continue;
                }

                if (word.Length > 0 && Contraction(text, i + 1) is var (expansion, length))
                {
                    Flush(word, clause, quote, tokens, letters);
                    Add(Token.KeyOf(expansion), clause, quote, tokens, depth: 0);
                    i += length;
                }

                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && Laughing(char.ConvertToUtf32(c, text[i + 1])))
            {
                // A laughing face reads as "lol", so "im dead 😂" is the idiom its exception names.
                Flush(word, clause, quote, tokens, letters);
                tokens.Add(new Token("lol", clause, quote));
                i++;
                continue;
            }

            if (Symbol(text, i) is { } symbol && _rewrites.TryGetValue(symbol, out var meaning))
            {
                // An emoji the script's rewrites name reads as its words ("🪦" = "grave"), so a message of emoji and a
                // few words is not empty to the patterns.
                Flush(word, clause, quote, tokens, letters);
                tokens.AddRange(meaning.Select(key => new Token(key, clause, quote)));
                i += symbol.Length - 1 + (i + symbol.Length < text.Length && text[i + symbol.Length] == VariationSelector[0] ? 1 : 0);
                continue;
            }

            if (c == '*' && HasLetter(word) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                // A letter starred out ("s*icide", "k*ll"): the word is read without it, and one missing letter is
                // a typo the long pattern words forgive.
                continue;
            }

            if (HasLetter(word) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && Disguised(c) is { } letter)
            {
                word.Append(letter);
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (AccentFolding.Folds(lower))
            {
                word.Append(AccentFolding.Fold(lower));
                continue;
            }

            if (char.IsLetterOrDigit(lower) || word.Length > 0 && IsMark(lower))
            {
                word.Append(lower);
                continue;
            }

            var spelt = SpeltWithDots(text, i, word);
            Flush(word, clause, quote, tokens, letters);
            if (!spelt && c is '.' or '!' or '?' or ';' or '\n' or '؟' or '۔')
            {
                clause++;
            }
            else if (c is '"' or '“' or '”' or '«' or '»')
            {
                quote = quote == 0 && c is not '”' and not '»' ? ++quotes : 0;
                singleQuoted = false;
            }
        }

        Flush(word, clause, quote, tokens, letters);
        return letters.Count == 0 ? tokens : RewriteLoneLetters(tokens, letters);
    }

    /// <summary>
    /// Single letters are rewritten ("u" = "you") only when they stand alone: in a word spelt out letter by letter
    /// ("s u i c i d e") they are the word's letters, for <see cref="BrokenWords"/> to join.
    /// </summary>
    private List<Token> RewriteLoneLetters(List<Token> tokens, List<int> letters)
    {
        var spelt = new HashSet<int>();
        for (var k = 1; k < letters.Count; k++)
        {
            if (letters[k] == letters[k - 1] + 1 && tokens[letters[k]].Clause == tokens[letters[k - 1]].Clause)
            {
                spelt.Add(letters[k]);
                spelt.Add(letters[k - 1]);
            }
        }

        var lone = letters.Where(i => !spelt.Contains(i)).ToHashSet();
        var rewritten = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (lone.Contains(i))
            {
                Add(tokens[i].Key, tokens[i].Clause, tokens[i].Quote, rewritten, depth: 0);
            }
            else
            {
                rewritten.Add(tokens[i]);
            }
        }

        return rewritten;
    }

    /// <summary>
    /// The word an apostrophe ending stands for ("I'll" = "I will", "I'd" = "I would"), so "i'll do it" is not read
    /// as "ill"; "'s" and "n't" are left to the rewrites ("thats", "dont"). With the number of letters it spans.
    /// </summary>
    private static (string Expansion, int Length)? Contraction(string text, int from)
    {
        var end = from;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        string? expansion = text[from..end].ToLowerInvariant() switch
        {
            "ll" => "will",
            "d" => "would",
            "m" => "am",
            "ve" => "have",
            "re" => "are",
            _ => null,
        };
        return expansion is null ? null : (expansion, end - from);
    }

    /// <summary>Whether a single quote after <paramref name="from"/> ends a word and no letter follows it.</summary>
    private static bool ClosingSingleQuote(string text, int from)
    {
        for (var i = from + 1; i < text.Length; i++)
        {
            if (text[i] is '\'' or '’' && !char.IsWhiteSpace(text[i - 1]) && (i + 1 == text.Length || !char.IsLetter(text[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the full stop at <paramref name="at"/> stands between single letters ("k.i.l.l"): a word spelt out,
    /// not the end of a sentence.
    /// </summary>
    private static bool SpeltWithDots(string text, int at, StringBuilder word) =>
        text[at] == '.' && word.Length == 1 && char.IsLetter(word[0]) && at + 1 < text.Length && char.IsLetter(text[at + 1])
        && (at + 2 == text.Length || !char.IsLetterOrDigit(text[at + 2]));

    // Emoji presentation selector: "⚰️" is "⚰" drawn as an emoji.
    private const string VariationSelector = "\uFE0F";

    /// <summary>The emoji or symbol at <paramref name="index"/> (a surrogate pair, or one symbol character), or null.</summary>
    private static string? Symbol(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            return text.Substring(index, 2);
        }

        return char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.OtherSymbol ? c.ToString() : null;
    }

    /// <summary>Faces people send for laughing: 😂 🤣 😆 😹, and 💀 ("I'm dead", as in laughing).</summary>
    private static bool Laughing(int codePoint) => codePoint is 0x1F602 or 0x1F923 or 0x1F606 or 0x1F639 or 0x1F480;

    /// <summary>A symbol written for a letter inside a word ("d!e", "su1c1de", "k1ll"), or null.</summary>
    private static char? Disguised(char c) => c switch
    {
        '!' or '1' or '|' => 'i',
        '3' => 'e',
        '0' => 'o',
        '@' or '4' => 'a',
        '$' or '5' => 's',
        '7' => 't',
        _ => null,
    };

    /// <summary>Lower-case words of <paramref name="text"/> as written, split at anything that is not a letter or digit.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '\'' or '’')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || AccentFolding.Folds(c) || word.Length > 0 && IsMark(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>
    /// A vowel sign or other mark that belongs to the letter before it, as in Hindi and Bengali ("जीना", "বাঁচতে"):
    /// part of the word, not a break in it.
    /// </summary>
    private static bool IsMark(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    private static bool HasLetter(StringBuilder word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (char.IsLetter(word[i]))
            {
                return true;
            }
        }

        return false;
    }

    private void Flush(StringBuilder word, int clause, int quote, List<Token> tokens, List<int> letters)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        word.Clear();
        if (text.Length == 1 && char.IsLetter(text[0]))
        {
            letters.Add(tokens.Count);
            tokens.Add(new Token(text, clause, quote));
            return;
        }

        if (CountAndWord(text) is var (count, counted))
        {
            Add(Token.KeyOf(count), clause, quote, tokens, depth: 0);
            text = counted;
        }

        Add(Token.KeyOf(text), clause, quote, tokens, depth: 0);
    }

    /// <summary>
    /// "30tabs" → ("30", "tabs"), "24yo" → ("24", "yo"): a number written against the word it counts. Ordinals
    /// ("23rd") stay whole, and so does one leading digit, which in romanised Arabic is a letter ("3ayez").
    /// </summary>
    private static (string Count, string Word)? CountAndWord(string text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits < 2 || digits == text.Length || !text[digits..].All(char.IsLetter) || text[digits..] is "st" or "nd" or "rd" or "th")
        {
            return null;
        }

        return (text[..digits], text[digits..]);
    }

    private void Add(string key, int clause, int quote, List<Token> tokens, int depth)
    {
        if (depth < 2 && _rewrites.TryGetValue(key, out var replacement))
        {
            foreach (var part in replacement)
            {
                Add(part, clause, quote, tokens, depth + 1);
            }

            return;
        }

        if (depth < 2 && Split(key) is var (head, tail))
        {
            Add(head, clause, quote, tokens, depth + 1);
            Add(tail, clause, quote, tokens, depth + 1);
            return;
        }

        tokens.Add(new Token(key, clause, quote));
    }

    /// <summary>"kilmyself" → ("kil", "myself"): a word ending in a glued self word after at least two letters.</summary>
    private (string Head, string Tail)? Split(string key)
    {
        foreach (var tail in _glued)
        {
            if (key.Length >= tail.Length + 2 && key.EndsWith(tail, StringComparison.Ordinal))
            {
                return (key[..^tail.Length], tail);
            }
        }

        return null;
    }
}
