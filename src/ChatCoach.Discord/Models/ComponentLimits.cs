namespace ChatCoach.Discord.Models;

// Limits from PROTOCOL.md §5; checked when a component is built so a bad one fails next to its cause, not at send time.
internal static class ComponentLimits
{
    public const int MaxRowsPerMessage = 5;
    public const int MaxButtonsPerRow = 5;
    public const int MaxButtonLabel = 80;
    public const int MaxCustomId = 100;
    public const int MaxSelectOptions = 25;
    public const int MaxOptionText = 100;
    public const int MaxPlaceholder = 150;
    public const int MaxUrl = 512;

    public static string CustomId(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length is < 1 or > MaxCustomId)
        {
            throw new ArgumentException($"custom_id must be 1–{MaxCustomId} characters (was {value.Length}).", paramName);
        }

        return value;
    }

    public static string Text(string value, int min, int max, string what, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length < min || value.Length > max)
        {
            throw new ArgumentException($"{what} must be {min}–{max} characters (was {value.Length}).", paramName);
        }

        return value;
    }
}
