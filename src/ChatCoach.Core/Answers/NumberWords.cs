using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ChatCoach.Core.Answers;

/// <summary>Turns what people type into lower-case tokens and reads the numbers in them; shared by every reader.</summary>
internal static class NumberWords
{
    // Stands in for characters we refuse to guess at (superscripts, circled digits, ¼) so a numeric reader
    // fails instead of silently dropping part of a number.
    public const string Unreadable = "<?>";

    // Beyond this nobody is answering the question, and staying far below decimal/long limits means
    // later arithmetic (years * 12, date shifts) cannot overflow.
    private const decimal LargestNumber = 1_000_000_000_000m;

    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Tens = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, long> OrdinalWords = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5,
        ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> OrdinalSuffixes = FrozenSet.Create(StringComparer.Ordinal, "st", "nd", "rd", "th");

    private static readonly FrozenSet<string> UncertainWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "idk", "idek", "dunno", "unsure", "maybe", "mayb", "perhaps", "possibly", "probably", "guess", "ish", "think",
        "huh", "wdym", "confused", "understand", "explain", "?", Unreadable);

    private static readonly PhraseSet UncertainPhrases = new(
        "not sure", "no idea", "dont know", "do not know", "didnt know", "dont remember", "do not remember",
        "cant remember", "not remember", "not certain", "may be");

    // A message that opens like a question asks one even without "?". Only the opening counts:
    // "failed 2 times. what should I do" answers first.
    private static readonly FrozenSet<string> QuestionWords = FrozenSet.Create(
        StringComparer.Ordinal, "what", "whats", "wat", "why", "how", "when", "where", "who", "which");

    // "do I need…", "is it…": phones drop the question mark, but the word order still asks a question.
    private static readonly FrozenSet<string> QuestionVerbs = FrozenSet.Create(
        StringComparer.Ordinal,
        "do", "does", "did", "is", "are", "am", "was", "were", "can", "could", "should", "would", "will", "have", "has", "must");

    private static readonly FrozenSet<string> Subjects = FrozenSet.Create(
        StringComparer.Ordinal, "i", "you", "u", "it", "we", "they", "he", "she", "this", "that", "there");

    private static readonly FrozenSet<string> Negators = FrozenSet.Create(
        StringComparer.Ordinal,
        "no", "not", "never", "none", "nothing", "nope", "nah", "nil", "without", "neither", "nor",
        "dont", "didnt", "doesnt", "havent", "hasnt", "hadnt", "isnt", "arent", "wasnt", "werent",
        "cant", "cannot", "couldnt", "wont", "wouldnt", "havnt", "dint", "dnt");

    // "Step 1" names the exam, not an answer; without this "failed step 1 twice" would hold two numbers.
    private static readonly FrozenSet<string> ExamWords = FrozenSet.Create(StringComparer.Ordinal, "step", "level");
    private static readonly FrozenSet<string> ExamNumbers = FrozenSet.Create(
        StringComparer.Ordinal, "1", "2", "3", "one", "two", "three", "i", "ii", "iii");
    private static readonly FrozenSet<string> ExamSuffixes = FrozenSet.Create(StringComparer.Ordinal, "ck", "cs", "pe");

    /// <summary>
    /// Lower-case words and numbers, with separators dropped. Numbers keep a leading minus ("-1"), a decimal point
    /// ("2.5") or an apostrophe ("'15"); "?", "+", "/" and "-" between digits stay as tokens because they change the meaning.
    /// </summary>
    public static List<string> Tokenise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = Fold(text[i]);
        }

        var tokens = new List<string>();
        var current = new StringBuilder();
        var inWord = false;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(inWord ? CollapseRuns(current.ToString()) : current.ToString());
                current.Clear();
            }

            inWord = false;
        }

        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var next = i + 1 < chars.Length ? chars[i + 1] : '\0';
            var inNumber = current.Length > 0 && !inWord;

            if (char.IsLetter(c))
            {
                if (inNumber)
                {
                    Flush();
                }

                current.Append(c);
                inWord = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                if (inWord)
                {
                    Flush();
                }

                current.Append(c);
            }
            else if (c == '\'')
            {
                if (inWord && char.IsLetter(next))
                {
                    // Contractions become one word: "don't" and "dont" are the same answer.
                    continue;
                }

                Flush();
                if (!inNumber && char.IsAsciiDigit(next))
                {
                    current.Append(c);
                }
            }
            else if (c == '.')
            {
                if (inNumber && char.IsAsciiDigit(next) && !current.ToString().Contains('.', StringComparison.Ordinal) && current[0] != '\'')
                {
                    current.Append(c);
                }
                else if (current.Length == 0 && char.IsAsciiDigit(next) && (i == 0 || char.IsWhiteSpace(chars[i - 1])))
                {
                    current.Append("0.");
                }
                else
                {
                    Flush();
                }
            }
            else if (c == '-')
            {
                if (inNumber && char.IsAsciiDigit(next))
                {
                    // Between digits a dash is a range or a date, never a minus sign.
                    Flush();
                    tokens.Add("-");
                }
                else if (current.Length == 0 && char.IsAsciiDigit(next))
                {
                    current.Append(c);
                }
                else
                {
                    Flush();
                }
            }
            else if (c is '?' or '+' or '/')
            {
                Flush();
                tokens.Add(c.ToString());
            }
            else if (c == '~')
            {
                Flush();
                tokens.Add("about");
            }
            else if (c == '&')
            {
                Flush();
                tokens.Add("and");
            }
            else if (c == '½')
            {
                Flush();
                tokens.Add("half");
            }
            else if (char.GetUnicodeCategory(c) == UnicodeCategory.OtherNumber)
            {
                Flush();
                tokens.Add(Unreadable);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return tokens;
    }

    /// <summary>Tokens for a reader that looks for one number: exam names such as "Step 1" are taken out.</summary>
    public static List<string> TokeniseNumeric(string text)
    {
        var tokens = Tokenise(text);
        var kept = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ExamWords.Contains(tokens[i]) && i + 1 < tokens.Count && ExamNumbers.Contains(tokens[i + 1]))
            {
                i++;
                while (i + 1 < tokens.Count && ExamSuffixes.Contains(tokens[i + 1]))
                {
                    i++;
                }

                continue;
            }

            kept.Add(tokens[i]);
        }

        return kept;
    }

    /// <summary>Whether the token is written with digits ("2", "-1", "2.5", "'15").</summary>
    public static bool IsNumberToken(string token) =>
        token.Length > 0 && (char.IsAsciiDigit(token[0]) || (token.Length > 1 && token[0] is '-' or '\''));

    /// <summary>Whether the token is a plain run of digits.</summary>
    public static bool IsDigits(string token) => token.Length > 0 && token.All(char.IsAsciiDigit);

    /// <summary>
    /// Reads a number at <paramref name="index"/>: digits ("18", "-1", "2.5") or words up to ninety-nine
    /// ("six", "twenty one"). Apostrophe years ("'15") are not numbers here; the year reader handles them.
    /// </summary>
    public static bool TryReadNumber(IReadOnlyList<string> tokens, int index, out decimal value, out int length)
    {
        value = 0;
        length = 0;
        var token = tokens[index];
        if (IsNumberToken(token))
        {
            if (token[0] == '\''
                || !decimal.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
                || Math.Abs(value) > LargestNumber)
            {
                value = 0;
                return false;
            }

            length = 1;
            return true;
        }

        if (Units.TryGetValue(token, out var unit))
        {
            value = unit;
            length = 1;
            return true;
        }

        if (Tens.TryGetValue(token, out var tens))
        {
            value = tens;
            length = 1;
            if (index + 1 < tokens.Count && Units.TryGetValue(tokens[index + 1], out var ones) && ones is > 0 and < 10)
            {
                value += ones;
                length = 2;
            }

            return true;
        }

        return false;
    }

    /// <summary>Reads an ordinal at <paramref name="index"/>: "first" or "2nd" (which tokenises as "2", "nd").</summary>
    public static bool TryReadOrdinal(IReadOnlyList<string> tokens, int index, out long value, out int length)
    {
        if (OrdinalWords.TryGetValue(tokens[index], out value))
        {
            length = 1;
            return true;
        }

        if (IsDigits(tokens[index])
            && index + 1 < tokens.Count
            && OrdinalSuffixes.Contains(tokens[index + 1])
            && long.TryParse(tokens[index], NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            length = 2;
            return true;
        }

        value = 0;
        length = 0;
        return false;
    }

    /// <summary>Whether the words say the user does not know ("idk", "not sure", "maybe") or ask a question back.</summary>
    public static bool IsUncertain(IReadOnlyList<string> tokens) =>
        tokens.Any(UncertainWords.Contains)
        || UncertainPhrases.AnyIn(tokens)
        || (tokens.Count >= 1 && QuestionWords.Contains(tokens[0]))
        || (tokens.Count >= 2 && QuestionVerbs.Contains(tokens[0]) && Subjects.Contains(tokens[1]));

    /// <summary>Whether the word negates ("no", "not", "haven't").</summary>
    public static bool IsNegator(string token) => Negators.Contains(token);

    /// <summary>Whether <paramref name="words"/> occur at <paramref name="start"/>.</summary>
    public static bool PhraseAt(IReadOnlyList<string> tokens, int start, IReadOnlyList<string> words)
    {
        if (start < 0 || start + words.Count > tokens.Count)
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (!string.Equals(tokens[start + i], words[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static char Fold(char c)
    {
        if (c is '\u2019' or '\u2018' or '`' or '\u00B4' or '\u2032')
        {
            return '\'';
        }

        if (c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212')
        {
            return '-';
        }

        if (!char.IsAsciiDigit(c) && char.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber)
        {
            // Phone keyboards in Arabic, Devanagari or full-width scripts type their own digits.
            return (char)('0' + (int)char.GetNumericValue(c));
        }

        return char.ToLowerInvariant(c);
    }

    // "yesss", "noooo", "twiceee": stretched letters are emphasis, not spelling. Runs of two stay, since
    // English has plenty of double letters.
    private static string CollapseRuns(string word)
    {
        if (!HasRunOfThree(word))
        {
            return word;
        }

        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var run = 1;
            while (i + run < word.Length && word[i + run] == c)
            {
                run++;
            }

            builder.Append(c, run >= 3 ? 1 : run);
            i += run - 1;
        }

        return builder.ToString();
    }

    private static bool HasRunOfThree(string word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && word[i] == word[i - 2])
            {
                return true;
            }
        }

        return false;
    }
}
