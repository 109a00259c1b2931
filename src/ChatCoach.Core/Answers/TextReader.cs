using System.Text;

namespace ChatCoach.Core.Answers;

/// <summary>Reads short free text: trimmed, whitespace collapsed, case and wording kept as typed.</summary>
internal static class TextReader
{
    public static bool TryRead(string text, int maxLength, out string value)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                continue; // invisible, and they break logs and exports
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        value = builder.ToString();

        // The limit counts UTF-16 units, as storage does, so an emoji counts as two.
        if (value.Length == 0 || value.Length > maxLength || !value.Any(char.IsLetterOrDigit))
        {
            value = string.Empty;
            return false;
        }

        return true;
    }
}
