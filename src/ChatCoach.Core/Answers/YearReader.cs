using System.Collections.Frozen;
using System.Globalization;

namespace ChatCoach.Core.Answers;

/// <summary>Reads a calendar year: "class of 2015", "'15", "June 2015", "8 years ago", "next year", "in 2 years".</summary>
internal static class YearReader
{
    // Apostrophe years land no more than this many years after today, so "'30" is a student's graduation in 2030
    // but "'98" is 1998.
    private const int TwoDigitYearsAhead = 10;

    // A year is a fact (graduation, exam date), so hedges and bounds mean the user does not know it.
    private static readonly FrozenSet<string> Vague = FrozenSet.Create(
        StringComparer.Ordinal,
        "many", "lots", "lot", "few", "some", "several", "couple", "multiple", "dozen", "more", "less", "over",
        "under", "least", "most", "than", "or", "soon", "recently", "about", "around", "roughly", "approximately",
        "approx", "almost", "nearly", "like", "circa", "before", "after", "until", "till", "prior", "earlier",
        "later", "+");

    private static readonly FrozenDictionary<string, int> RelativeYears = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["last"] = -1, ["previous"] = -1, ["this"] = 0, ["current"] = 0, ["next"] = 1, ["coming"] = 1,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> YearWords = FrozenSet.Create(StringComparer.Ordinal, "year", "yr");

    private static readonly FrozenSet<string> MonthNames = FrozenSet.Create(
        StringComparer.Ordinal,
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
        "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december");

    public static bool TryRead(string text, DateOnly today, out long year)
    {
        year = 0;
        var tokens = NumberWords.TokeniseNumeric(text);
        if (NumberWords.IsUncertain(tokens) || tokens.Any(Vague.Contains))
        {
            return false;
        }

        var used = new bool[tokens.Count];
        var years = new HashSet<long>();

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (RelativeYears.TryGetValue(tokens[i], out var offset) && YearWords.Contains(tokens[i + 1]))
            {
                years.Add(today.Year + offset);
                used[i] = used[i + 1] = true;
            }
        }

        // Spans closed by "ago"/"back" (past) or "from now" (future) go before "in …", so "in" cannot take their numbers.
        for (var i = 0; i < tokens.Count; i++)
        {
            var fromNow = tokens[i] == "from" && i + 1 < tokens.Count && tokens[i + 1] == "now";
            if (used[i] || !(tokens[i] is "ago" or "back" || fromNow))
            {
                continue;
            }

            var start = i;
            while (start > 0 && !used[start - 1] && IsSpanToken(tokens, start - 1))
            {
                start--;
            }

            if (start == i && tokens[i] == "back")
            {
                continue; // "came back in 2019": no duration, so not "N years back".
            }

            if (!TryShift(tokens, start, i, fromNow ? 1 : -1, today, out var shifted))
            {
                return false;
            }

            years.Add(shifted);
            Mark(used, start, fromNow ? i + 2 : i + 1);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || tokens[i] != "in")
            {
                continue;
            }

            var end = i + 1;
            while (end < tokens.Count && !used[end] && IsSpanToken(tokens, end))
            {
                end++;
            }

            // "in 2015" is an absolute year, read below; only a span with a unit is "in 2 years".
            if (!Enumerable.Range(i + 1, end - i - 1).Any(k => MonthsReader.IsUnit(tokens[k])))
            {
                continue;
            }

            if (!TryShift(tokens, i + 1, end, 1, today, out var shifted))
            {
                return false;
            }

            years.Add(shifted);
            Mark(used, i, end);
        }

        var hasFullYear = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            // Tested apart, so 'absolute' is assigned on every path, also in mutation testing's rewritten builds.
            if (used[i])
            {
                continue;
            }

            if (!TryAbsolute(tokens[i], today, out var absolute))
            {
                continue;
            }

            // "2010s", "'90s" name a decade.
            if (i + 1 < tokens.Count && tokens[i + 1] == "s")
            {
                return false;
            }

            years.Add(absolute);
            used[i] = true;
            if (tokens[i][0] != '\'')
            {
                hasFullYear = true;
                MarkDateParts(tokens, used, i);
            }
        }

        for (var i = 0; i < tokens.Count && hasFullYear; i++)
        {
            // "June 15, 2015", "15 June 2015": next to a month name, beside a full year, a small number is the day.
            // Without the full year ("june 15") it could as well be '15, so it stays unplaced.
            var nextToMonth = (i > 0 && MonthNames.Contains(tokens[i - 1])) || (i + 1 < tokens.Count && MonthNames.Contains(tokens[i + 1]));
            if (!used[i] && nextToMonth && IsDatePart(tokens[i]))
            {
                used[i] = true;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            // A stray number ("15", "june 15", "2015 6 years") or dash is something we could not place.
            if (!used[i] && (tokens[i] is "-" or "/" || NumberWords.IsNumberToken(tokens[i]) || NumberWords.TryReadNumber(tokens, i, out _, out _)))
            {
                return false;
            }
        }

        if (years.Count != 1)
        {
            return false;
        }

        year = years.First();
        return true;
    }

    // A four-digit number next to "8 years ago" is a year of its own ("2015, 11 years ago"), not part of the duration.
    private static bool IsSpanToken(List<string> tokens, int index) =>
        !(tokens[index].Length == 4 && NumberWords.IsDigits(tokens[index])) && MonthsReader.IsDurationToken(tokens, index);

    private static bool TryAbsolute(string token, DateOnly today, out long year)
    {
        year = 0;
        var apostrophe = token.Length > 0 && token[0] == '\'';
        var digits = apostrophe ? token[1..] : token;
        if (!NumberWords.IsDigits(digits) || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        if (digits.Length == 4)
        {
            year = number;
            return true;
        }

        if (apostrophe && digits.Length == 2)
        {
            var limit = today.Year + TwoDigitYearsAhead;
            year = (today.Year / 100 * 100) + number;
            while (year > limit)
            {
                year -= 100;
            }

            while (year + 100 <= limit)
            {
                year += 100;
            }

            return true;
        }

        return false;
    }

    // Numbers joined to the year by - or / are its month and day: "2015-06", "06/2015", "2015/06/30", "06/30/2015".
    // A lone part must be a month, so "2019-20" (an academic year) and "13/2019" stay unplaced.
    private static void MarkDateParts(List<string> tokens, bool[] used, int yearIndex)
    {
        foreach (var step in new[] { 1, -1 })
        {
            bool Part(int offset, int max)
            {
                var k = yearIndex + (step * offset);
                return k >= 0 && k < tokens.Count && !used[k] && IsDatePart(tokens[k], max);
            }

            bool Separator(int offset)
            {
                var k = yearIndex + (step * offset);
                return k >= 0 && k < tokens.Count && tokens[k] is "-" or "/";
            }

            var parts = 0;
            if (Separator(1) && Part(2, 31))
            {
                if (Separator(3) && Part(4, 31) && (Part(2, 12) || Part(4, 12)))
                {
                    parts = 4;
                }
                else if (Part(2, 12))
                {
                    parts = 2;
                }
            }

            for (var offset = 1; offset <= parts; offset++)
            {
                used[yearIndex + (step * offset)] = true;
            }
        }
    }

    private static bool IsDatePart(string token, int max = 31) =>
        token.Length <= 2
        && NumberWords.IsDigits(token)
        && int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture) is var value
        && value >= 1
        && value <= max;

    private static bool TryShift(List<string> tokens, int start, int end, int direction, DateOnly today, out long year)
    {
        year = 0;
        if (!MonthsReader.TryParseDuration(tokens[start..end], bareNumberIsMonths: false, out var duration, out _)
            || !duration.HasParts
            || duration.IsNegative)
        {
            return false;
        }

        var months = (duration.Years * 12) + duration.Months;
        var wholeMonths = decimal.Truncate(months);
        var days = ((months - wholeMonths) * MonthsReader.DaysPerMonth) + (duration.Weeks * 7) + duration.Days;

        // DateOnly spans years 1 to 9999; a shift past either end is not a year anyone means.
        var roomInMonths = direction < 0 ? (today.Year - 2) * 12 : (9998 - today.Year) * 12;
        if (wholeMonths + (days / MonthsReader.DaysPerMonth) > roomInMonths)
        {
            return false;
        }

        var date = today.AddMonths(direction * (int)wholeMonths).AddDays(direction * (int)Math.Round(days, MidpointRounding.AwayFromZero));
        year = date.Year;
        return true;
    }

    private static void Mark(bool[] used, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            used[i] = true;
        }
    }
}
