using System.Collections.Frozen;

namespace ChatCoach.Core.Answers;

/// <summary>Reads yes or no ("yep", "I have", "a little", "not yet", "haven't").</summary>
internal static class YesNoReader
{
    private static readonly FrozenSet<string> Yes = FrozenSet.Create(
        StringComparer.Ordinal,
        "yes", "y", "ye", "yea", "yeah", "yeh", "yah", "ya", "yep", "yup", "yess", "yesh", "yh", "yas", "sure",
        "ofc", "correct", "absolutely", "definitely", "certainly", "indeed", "affirmative", "true", "surely", "yessir");

    private static readonly PhraseSet YesPhrases = new("of course");

    // Saying that something was done, or that some was, answers "yes" unless a negation says otherwise:
    // "I have" is yes, "I have no research" is no.
    private static readonly FrozenSet<string> WeakYes = FrozenSet.Create(
        StringComparer.Ordinal, "ive", "done", "some", "somewhat", "partly", "partially", "already");

    // Auxiliaries only count after their subject ("I have", "we did"); on their own they are as likely to
    // start a question ("what do you mean") as to answer one.
    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.Create(
        StringComparer.Ordinal, "have", "has", "had", "did", "do", "does", "am", "was");

    private static readonly FrozenSet<string> Subjects = FrozenSet.Create(StringComparer.Ordinal, "i", "we");

    private static readonly PhraseSet WeakYesPhrases = new("a little", "a bit", "little bit");

    private static readonly FrozenSet<string> No = FrozenSet.Create(
        StringComparer.Ordinal, "n", "noo", "nop", "naw", "nahh", "negative", "false", "zero");

    // "absolutely not" is an emphatic no, not a yes followed by a no.
    private static readonly FrozenSet<string> Intensifiers = FrozenSet.Create(
        StringComparer.Ordinal, "absolutely", "definitely", "certainly", "surely", "course");

    // "kinda" and "sort of" hedge rather than quantify, and "not much" could be some or none.
    private static readonly PhraseSet UnclearPhrases = new(
        "kinda", "kind of", "sort of", "sorta", "not much", "not many", "not a lot", "not lots", "not enough");

    public static bool TryRead(string text, out bool answer)
    {
        answer = false;
        var tokens = NumberWords.Tokenise(MapEmoji(text));
        if (tokens.Count == 0 || NumberWords.IsUncertain(tokens) || UnclearPhrases.AnyIn(tokens))
        {
            return false;
        }

        var strongYes = false;
        var weakYes = WeakYesPhrases.AnyIn(tokens);
        var no = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (Intensifiers.Contains(token) && i + 1 < tokens.Count && tokens[i + 1] == "not")
            {
                no = true;
                i++;
                continue;
            }

            strongYes |= Yes.Contains(token);
            weakYes |= WeakYes.Contains(token) || (Auxiliaries.Contains(token) && i > 0 && Subjects.Contains(tokens[i - 1]));
            no |= No.Contains(token) || NumberWords.IsNegator(token);
        }

        // Skipped once a no is seen, because "of course not" has already been counted as one.
        strongYes |= !no && YesPhrases.AnyIn(tokens);

        if (strongYes && no)
        {
            return false; // "yes and no", "yeah nah"
        }

        if (strongYes || no || weakYes)
        {
            answer = !no;
            return true;
        }

        return false;
    }

    private static string MapEmoji(string text) => text
        .Replace("\U0001F44D", " yes ", StringComparison.Ordinal)
        .Replace("\u2705", " yes ", StringComparison.Ordinal)
        .Replace("\u2714", " yes ", StringComparison.Ordinal)
        .Replace("\U0001F44E", " no ", StringComparison.Ordinal)
        .Replace("\u274C", " no ", StringComparison.Ordinal)
        .Replace("\u2716", " no ", StringComparison.Ordinal);
}
