namespace ChatCoach.Discord.Models;

/// <summary>Splits long text into messages Discord accepts.</summary>
public static class MessageSplitter
{
    /// <summary>
    /// Splits <paramref name="text"/> into chunks of at most <paramref name="maxLength"/> characters, breaking at
    /// paragraph, then line, then word boundaries; a word is cut only when it alone exceeds the limit.
    /// Whitespace at chunk edges is dropped; whitespace-only input yields no chunks.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxLength = OutgoingMessage.MaxContentLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);

        var chunks = new List<string>();
        var rest = text.AsSpan().Trim();
        while (!rest.IsEmpty)
        {
            if (rest.Length <= maxLength)
            {
                chunks.Add(rest.ToString());
                break;
            }

            var (cut, skip) = FindCut(rest, maxLength);
            var chunk = rest[..cut].TrimEnd();
            if (!chunk.IsEmpty)
            {
                chunks.Add(chunk.ToString());
            }

            rest = rest[(cut + skip)..].TrimStart();
        }

        return chunks;
    }

    // Returns where the chunk ends and how many separator characters to drop after it.
    private static (int Cut, int Skip) FindCut(ReadOnlySpan<char> text, int maxLength)
    {
        // The separator itself may sit just past the limit: "word\n" with the newline at index maxLength is a clean cut.
        var window = text[..(maxLength + 1)];

        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph > 0)
        {
            return (paragraph, 2);
        }

        var line = window.LastIndexOf('\n');
        if (line > 0)
        {
            return (line, 1);
        }

        for (var i = maxLength; i > 0; i--)
        {
            if (char.IsWhiteSpace(window[i]))
            {
                return (i, 1);
            }
        }

        // One word longer than the limit: cut it, but never between the halves of a surrogate pair.
        var hard = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return (hard, 0);
    }
}
