using System.Collections.Frozen;

namespace ChatCoach.Core.Safety;

/// <summary>
/// Folds letters to the plain forms the patterns are written in. The app runs with invariant globalization, where
/// Unicode normalisation does not decompose "í", so the table is explicit: Latin accents ("suicídio" = "suicidio"),
/// and the Arabic-script letters that Arabic and Urdu write in several ways (hamza forms of alef, teh marbuta,
/// Farsi yeh and keheh), and Yoruba's dotted vowels. Arabic diacritics, the tatweel stretch and Latin combining accents
/// ("e" followed by U+0301) vanish.
/// </summary>
internal static class AccentFolding
{
    private static readonly FrozenDictionary<char, string> Table = new Dictionary<char, string>
    {
        ['à'] = "a", ['á'] = "a", ['â'] = "a", ['ã'] = "a", ['ä'] = "a", ['å'] = "a", ['ā'] = "a", ['ă'] = "a", ['ą'] = "a",
        ['ç'] = "c", ['ć'] = "c", ['č'] = "c",
        ['ď'] = "d", ['đ'] = "d",
        ['è'] = "e", ['é'] = "e", ['ê'] = "e", ['ë'] = "e", ['ē'] = "e", ['ę'] = "e", ['ě'] = "e",
        ['ğ'] = "g",
        ['ì'] = "i", ['í'] = "i", ['î'] = "i", ['ï'] = "i", ['ī'] = "i", ['ı'] = "i",
        ['ł'] = "l",
        ['ñ'] = "n", ['ń'] = "n", ['ň'] = "n",
        ['ò'] = "o", ['ó'] = "o", ['ô'] = "o", ['õ'] = "o", ['ö'] = "o", ['ø'] = "o", ['ō'] = "o", ['ő'] = "o",
        ['ř'] = "r",
        ['ś'] = "s", ['š'] = "s", ['ş'] = "s", ['ș'] = "s",
        ['ť'] = "t", ['ț'] = "t", ['ţ'] = "t",
        ['ù'] = "u", ['ú'] = "u", ['û'] = "u", ['ü'] = "u", ['ū'] = "u", ['ů'] = "u", ['ű'] = "u",
        ['ý'] = "y", ['ÿ'] = "y",
        ['ź'] = "z", ['ż'] = "z", ['ž'] = "z",
        ['ẹ'] = "e", ['ọ'] = "o", ['ṣ'] = "s",
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe",
        ['أ'] = "ا", ['إ'] = "ا", ['آ'] = "ا", ['ٱ'] = "ا",
        ['ة'] = "ه", ['ۃ'] = "ه", ['ہ'] = "ه", ['ھ'] = "ه",
        ['ى'] = "ي", ['ی'] = "ي", ['ې'] = "ي", ['ے'] = "ي", ['ۓ'] = "ي", ['ئ'] = "ي",
        ['ک'] = "ك", ['ؤ'] = "و",
    }.ToFrozenDictionary();

    /// <summary>The plain form of <paramref name="c"/> (already lower-case), or null when it vanishes.</summary>
    public static string? Fold(char c)
    {
        if (Vanishes(c))
        {
            return null;
        }

        return Table.TryGetValue(c, out var folded) ? folded : null;
    }

    /// <summary>Whether <paramref name="c"/> is in the table or vanishes, so the caller uses <see cref="Fold"/>.</summary>
    public static bool Folds(char c) => Vanishes(c) || Table.ContainsKey(c);

    private static bool Vanishes(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' or >= '\u0300' and <= '\u036F';
}
