namespace ChatCoach.Core.Safety;

/// <summary>
/// One word of a normalised message. <paramref name="Key"/> is the word with every run of a letter written once
/// ("killll", "kil" and "kill" are all "kil"), which absorbs stretched letters and the commonest dropped double.
/// <paramref name="Clause"/> counts the sentences before it, so a subject is looked for in its own sentence only.
/// <paramref name="Quote"/> numbers the double-quoted passage it stands in (0 outside quotes), so words quoted from
/// someone else ("the patient says \"I want to die\"") can be told from the speaker's own.
/// </summary>
internal readonly record struct Token(string Key, int Clause, int Quote = 0)
{
    /// <summary>The key of <paramref name="word"/>: each run of one character written once.</summary>
    public static string KeyOf(string word)
    {
        if (word.Length < 2)
        {
            return word;
        }

        var chars = new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (length == 0 || chars[length - 1] != c)
            {
                chars[length++] = c;
            }
        }

        return length == word.Length ? word : new string(chars, 0, length);
    }
}
