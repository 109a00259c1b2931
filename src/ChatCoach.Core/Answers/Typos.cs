namespace ChatCoach.Core.Answers;

/// <summary>Tolerance for one slip of the thumb, shared by the answer readers and the safety check.</summary>
internal static class Typos
{
    /// <summary>
    /// Optimal string alignment distance of at most 1: one insertion, deletion, substitution or swap of neighbours,
    /// the typos thumbs make.
    /// </summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            if (a.AsSpan(i + Math.Min(1, a.Length - i)).SequenceEqual(b.AsSpan(i + Math.Min(1, b.Length - i))))
            {
                return true; // substitution (or equal)
            }

            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }
}
