using System.Collections.Frozen;

namespace ChatCoach.Core.Answers;

/// <summary>Reads a whole number of times or things ("twice", "3 attempts", "never").</summary>
internal static class CountReader
{
    // Unlike durations, counts are exact facts the engine reasons on (attempt limits), so hedges ("about 3",
    // "like 3 times") are rejected along with vague amounts and bounds: a hedged count means the user is unsure.
    private static readonly FrozenSet<string> Vague = FrozenSet.Create(
        StringComparer.Ordinal,
        "many", "lots", "lot", "few", "fewer", "some", "several", "couple", "multiple", "numerous", "various",
        "dozen", "dozens", "bunch", "handful", "more", "less", "over", "under", "least", "most", "than", "plus",
        "upto", "or", "countless", "about", "around", "roughly", "approximately", "approx", "almost", "nearly",
        "like", "circa", "+", "-", "/");

    // "twise"/"thrise" are common phone misspellings with one possible meaning. "ones" is not accepted:
    // it is a real word ("the ones I took") and reading it as 1 would be a guess.
    private static readonly FrozenDictionary<string, long> Adverbs = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["once"] = 1, ["twice"] = 2, ["thrice"] = 3, ["twise"] = 2, ["thrise"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ZeroWords = FrozenSet.Create(StringComparer.Ordinal, "never", "none", "nil");

    private static readonly FrozenSet<string> CountNouns = FrozenSet.Create(
        StringComparer.Ordinal, "attempt", "attempts", "time", "times", "try", "tries", "failure", "failures", "fails", "retake", "retakes");

    public static bool TryRead(string text, out long count)
    {
        count = 0;
        var tokens = NumberWords.TokeniseNumeric(text);
        if (NumberWords.IsUncertain(tokens) || tokens.Any(Vague.Contains))
        {
            return false;
        }

        var values = new HashSet<long>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];

            // Ordinals are rejected: "first attempt" or "2nd time" may mean one failure, one attempt so far or
            // the attempt being planned, depending on how the question was put; the reader cannot tell which.
            if (NumberWords.TryReadOrdinal(tokens, i, out _, out _))
            {
                return false;
            }

            if (token == "not")
            {
                if (NumberWords.PhraseAt(tokens, i + 1, ["once"]) || NumberWords.PhraseAt(tokens, i + 1, ["even", "once"]))
                {
                    values.Add(0);
                    i += tokens[i + 1] == "once" ? 1 : 2;
                    continue;
                }

                // "not 2" or "not twice" corrects something without saying what is right.
                if (i + 1 < tokens.Count && (Adverbs.ContainsKey(tokens[i + 1]) || NumberWords.TryReadNumber(tokens, i + 1, out _, out _)))
                {
                    return false;
                }

                continue;
            }

            if (token == "no" && i + 1 < tokens.Count && CountNouns.Contains(tokens[i + 1]))
            {
                values.Add(0);
                continue;
            }

            if (ZeroWords.Contains(token))
            {
                values.Add(0);
                continue;
            }

            if (Adverbs.TryGetValue(token, out var times))
            {
                values.Add(times);
                continue;
            }

            if (NumberWords.TryReadNumber(tokens, i, out var number, out var length))
            {
                if (!decimal.IsInteger(number))
                {
                    return false;
                }

                values.Add((long)number);
                i += length - 1;
                continue;
            }

            if (NumberWords.IsNumberToken(token))
            {
                return false;
            }
        }

        if (values.Count != 1)
        {
            return false;
        }

        count = values.First();
        return true;
    }
}
