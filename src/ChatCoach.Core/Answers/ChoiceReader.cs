using System.Collections.Frozen;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Answers;

/// <summary>Reads one of a question's choices by id, label, synonym or position.</summary>
internal static class ChoiceReader
{
    // Shorter words are too easily one typo away from another word.
    private const int FuzzyMinimumLength = 6;

    private static readonly FrozenSet<string> NumberPrefixes = FrozenSet.Create(
        StringComparer.Ordinal, "the", "option", "opt", "choice", "number", "num", "nr", "no", "answer", "pick");

    private static readonly FrozenSet<string> NumberSuffixes = FrozenSet.Create(StringComparer.Ordinal, "one", "option", "choice");

    // A reply made only of these ("in", "the") says nothing about which choice is meant.
    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "a", "an", "the", "in", "on", "of", "at", "to", "for", "i", "my", "me", "and", "or", "with", "it", "is",
        "yet", "did", "do", "have", "had", "as", "by", "from", "just", "only");

    private enum Outcome
    {
        None,
        Found,
        Ambiguous,
    }

    // Exact spelling first, then forgiving one typo per long word, so a typo never beats a real match.
    private static readonly bool[] Fuzziness = [false, true];

    private static readonly Func<List<string>, IReadOnlyList<Candidate>, bool, (Outcome, string)>[] Passes =
    [
        MatchExactly,
        (words, all, _) => MatchPosition(words, all),
        MatchContained,
        MatchContaining,
    ];

    /// <summary>A choice as the reader matches it: its words tokenised once.</summary>
    internal sealed record Candidate(string Id, IReadOnlyList<IReadOnlyList<string>> Phrases, bool IsNegative);

    /// <summary>Tokenises a question's choices; the engine does it once per script version and passes them in.</summary>
    public static IReadOnlyList<Candidate> Prepare(IReadOnlyList<Choice> choices) => [.. choices.Select(ToCandidate)];

    public static bool TryRead(string text, ReadContext context, out string id)
    {
        id = string.Empty;
        var tokens = NumberWords.Tokenise(text);
        var message = Words(tokens);
        if (context.Choices.Count == 0 || message.Count == 0)
        {
            return false;
        }

        var candidates = context.PreparedChoices ?? Prepare(context.Choices);

        // A choice typed exactly wins even when it sounds unsure ("Not sure yet" may be a choice).
        if (MatchExactly(message, candidates, false) is (Outcome.Found, var exact))
        {
            id = exact;
            return true;
        }

        if (NumberWords.IsUncertain(tokens))
        {
            return false;
        }

        foreach (var fuzzy in Fuzziness)
        {
            foreach (var pass in Passes)
            {
                var (outcome, found) = pass(message, candidates, fuzzy);
                if (outcome == Outcome.Found)
                {
                    id = found;
                    return true;
                }

                if (outcome == Outcome.Ambiguous)
                {
                    return false;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> is exactly one of the choices' ids, labels or synonyms ("Not sure" may be a choice).</summary>
    public static bool IsExactly(string text, IReadOnlyList<Candidate>? candidates) =>
        candidates is not null && MatchExactly(Words(NumberWords.Tokenise(text)), candidates, false).Item1 == Outcome.Found;

    private static Candidate ToCandidate(Choice choice)
    {
        var phrases = new[] { choice.Id, choice.Label }
            .Concat(choice.Synonyms)
            .Select(phrase => (IReadOnlyList<string>)Words(NumberWords.Tokenise(phrase)))
            .Where(words => words.Count > 0)
            .ToList();
        return new Candidate(choice.Id, phrases, phrases.Any(words => words.Any(NumberWords.IsNegator)));
    }

    // Between two words, "n" is the "and" of "failed n passed"; alone or at either end it may be "no".
    private static List<string> Words(List<string> tokens) => tokens
        .Select((token, i) => token == "n" && i > 0 && i < tokens.Count - 1 ? "and" : token)
        .Where(token => token is not ("-" or "/" or "+"))
        .ToList();

    private static (Outcome, string) MatchExactly(List<string> message, IReadOnlyList<Candidate> candidates, bool fuzzy) =>
        Decide(candidates.Where(c => c.Phrases.Any(phrase => phrase.Count == message.Count && IndexOf(message, phrase, fuzzy) == 0)));

    // "2", "#2", "option 2", "the second one". Only runs after exact matching, so a choice whose label is
    // itself a number ("2") is chosen by label rather than by position.
    private static (Outcome, string) MatchPosition(List<string> message, IReadOnlyList<Candidate> candidates)
    {
        var start = 0;
        while (start < message.Count && NumberPrefixes.Contains(message[start]))
        {
            start++;
        }

        if (start == message.Count)
        {
            return (Outcome.None, string.Empty);
        }

        if (!NumberWords.TryReadOrdinal(message, start, out var position, out var length))
        {
            if (!NumberWords.TryReadNumber(message, start, out var number, out length) || !decimal.IsInteger(number))
            {
                return (Outcome.None, string.Empty);
            }

            position = (long)number;
        }

        for (var i = start + length; i < message.Count; i++)
        {
            if (!NumberSuffixes.Contains(message[i]))
            {
                return (Outcome.None, string.Empty);
            }
        }

        // A number that is no choice's position ("7" of 4) is a clear answer we cannot use: stop, don't guess on.
        return position >= 1 && position <= candidates.Count
            ? (Outcome.Found, candidates[(int)position - 1].Id)
            : (Outcome.Ambiguous, string.Empty);
    }

    // A label or synonym inside a longer message: "I did a hands-on externship". The longest phrase wins, so
    // "no usce" beats "no"; a tie between choices is ambiguous.
    private static (Outcome, string) MatchContained(List<string> message, IReadOnlyList<Candidate> candidates, bool fuzzy)
    {
        var best = candidates
            .Select(c => (Candidate: c, Length: LongestPhraseIn(message, c, fuzzy)))
            .Where(match => match.Length > 0)
            .ToList();
        if (best.Count == 0)
        {
            return (Outcome.None, string.Empty);
        }

        var longest = best.Max(match => match.Length);
        var winners = best.Where(match => match.Length == longest).Select(match => match.Candidate).ToList();
        if (winners.Count != 1)
        {
            return (Outcome.Ambiguous, string.Empty);
        }

        // "no hands-on externship" contains the externship's synonym but means the opposite; only a choice that
        // is itself a negative ("None yet") may be picked from a message with a negation in it.
        if (message.Any(NumberWords.IsNegator) && !winners[0].IsNegative)
        {
            return (Outcome.Ambiguous, string.Empty);
        }

        return (Outcome.Found, winners[0].Id);
    }

    /// <summary>The word count of the longest of the candidate's phrases the message contains; 0 when none.</summary>
    private static int LongestPhraseIn(List<string> message, Candidate candidate, bool fuzzy) =>
        candidate.Phrases.Where(phrase => IndexOf(message, phrase, fuzzy) >= 0).Select(phrase => phrase.Count).DefaultIfEmpty(0).Max();

    // The message is part of exactly one label or synonym: "none" for "None yet", "job" for "US clinical job".
    private static (Outcome, string) MatchContaining(List<string> message, IReadOnlyList<Candidate> candidates, bool fuzzy)
    {
        if (message.All(StopWords.Contains))
        {
            return (Outcome.None, string.Empty);
        }

        return Decide(candidates.Where(c => c.Phrases.Any(phrase => IndexOf(phrase, message, fuzzy) >= 0)));
    }

    private static (Outcome, string) Decide(IEnumerable<Candidate> matches)
    {
        var ids = matches.Select(c => c.Id).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return ids.Count switch
        {
            0 => (Outcome.None, string.Empty),
            1 => (Outcome.Found, ids[0]),
            _ => (Outcome.Ambiguous, string.Empty),
        };
    }

    private static int IndexOf(IReadOnlyList<string> haystack, IReadOnlyList<string> needle, bool fuzzy)
    {
        for (var start = 0; start + needle.Count <= haystack.Count; start++)
        {
            var all = true;
            for (var i = 0; i < needle.Count && all; i++)
            {
                all = SameWord(haystack[start + i], needle[i], fuzzy);
            }

            if (all)
            {
                return start;
            }
        }

        return -1;
    }

    private static bool SameWord(string a, string b, bool fuzzy) =>
        string.Equals(a, b, StringComparison.Ordinal)
        || (fuzzy
            && a.Length >= FuzzyMinimumLength
            && b.Length >= FuzzyMinimumLength
            && a.All(char.IsLetter)
            && b.All(char.IsLetter)
            && Typos.WithinOneEdit(a, b));
}
