using System.Text;

namespace ChatCoach.Core.Engine;

/// <summary>
/// Finds any of a list of phrases in a message as whole words, ignoring case, punctuation and apostrophes,
/// so "I want to end it all." matches "end it all" while "this rotation is killing it" does not match "kill myself".
/// </summary>
internal sealed class PhraseMatcher
{
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
