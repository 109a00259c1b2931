using System.Text.RegularExpressions;

namespace ChatCoach.Core.Seasons;

/// <summary>Fills <c>{season.NAME}</c> placeholders in a script's texts with the values of today's season.</summary>
public static partial class SeasonText
{
    /// <summary>The names of the season values <paramref name="text"/> uses.</summary>
    public static IEnumerable<string> NamesIn(string text) =>
        Placeholder().Matches(text ?? throw new ArgumentNullException(nameof(text))).Select(m => m.Groups[1].Value);

    /// <summary>
    /// <paramref name="text"/> with every placeholder replaced. Without a season (the script has none, or today is
    /// outside the table, which validation reports) placeholders stay as written rather than guessing a date.
    /// </summary>
    public static string Fill(string text, Season? season)
    {
        ArgumentNullException.ThrowIfNull(text);
        return season is null || !text.Contains("{season.", StringComparison.Ordinal)
            ? text
            : Placeholder().Replace(text, m => season.Value(m.Groups[1].Value) ?? m.Value);
    }

    [GeneratedRegex(@"\{season\.([a-z0-9_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
