namespace ChatCoach.Cli;

/// <summary>The known word nearest to a mistyped one, by edit distance.</summary>
internal static class Suggestions
{
    public static string? Nearest(string word, IEnumerable<string> known) =>
        known.Select(k => (Known: k, Distance: Distance(word, k)))
            .OrderBy(k => k.Distance).ThenBy(k => k.Known, StringComparer.Ordinal)
            .Select(k => k.Known).FirstOrDefault();

    /// <summary>Levenshtein distance, case-insensitive.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
