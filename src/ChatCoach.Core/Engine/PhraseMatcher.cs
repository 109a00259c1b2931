using System.Text;

namespace ChatCoach.Core.Engine;

/// <summary>
/// Finds any of a list of phrases in a message as whole words, ignoring case, punctuation and apostrophes,
/// so "I want to end it all." matches "end it all" while "this rotation is killing it" does not match "kill myself".
/// </summary>
internal sealed class PhraseMatcher
{
    // Politeness around a request ("ok, can we continue please") that does not change what is asked.
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "ok", "okay", "yes", "yeah", "yep", "sure", "please", "alright", "fine", "thanks", "thank", "you", "now",
        "i", "want", "to", "would", "like", "id", "can", "we", "lets", "let", "us", "so", "well",
    };

    private readonly string[] _phrases;

    public PhraseMatcher(IEnumerable<string> phrases) =>
        _phrases = phrases.Select(p => $" {Normalize(p)} ").Where(p => p.Trim().Length > 0).ToArray();

    public bool Matches(string text)
    {
        var normalized = $" {Normalize(text)} ";
        foreach (var phrase in _phrases)
        {
            if (normalized.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The word index of every place a phrase starts in <paramref name="text"/>, in the order of the phrases.</summary>
    public IEnumerable<int> Positions(string text)
    {
        var normalized = $" {Normalize(text)} ";
        foreach (var phrase in _phrases)
        {
            for (var at = normalized.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                yield return normalized.AsSpan(0, at + 1).Count(' ') - 1;
            }
        }
    }

    /// <summary>
    /// Whether the whole message is one of the phrases, give or take politeness at either end: "ok, let's continue"
    /// matches "continue", but "I can't continue" does not.
    /// </summary>
    public bool MatchesWhole(string text)
    {
        var message = $" {StripFillers(Normalize(text))} ";
        foreach (var phrase in _phrases)
        {
            if (message == phrase || message == $" {StripFillers(phrase.Trim())} ")
            {
                return true;
            }
        }

        return false;
    }

    private static string StripFillers(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        var end = words.Length;
        while (start < end && Fillers.Contains(words[start]))
        {
            start++;
        }

        while (end > start && Fillers.Contains(words[end - 1]))
        {
            end--;
        }

        return string.Join(' ', words[start..end]);
    }

    /// <summary>Lower-case words separated by single spaces; apostrophes vanish so "don't" and "dont" are one word.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text)
        {
            if (c is '\'' or '’' or '‘')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().TrimEnd();
    }
}
