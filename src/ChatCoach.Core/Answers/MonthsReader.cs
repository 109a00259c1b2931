using System.Collections.Frozen;

namespace ChatCoach.Core.Answers;

/// <summary>Reads a duration ("a year and a half", "1y6m", "no gap") as whole months.</summary>
internal static class MonthsReader
{
    // Average Gregorian month, so weeks and days convert without a calendar.
    internal const decimal DaysPerMonth = 30.4375m;

    // Durations are naturally approximate, so "about 6 months" is read as 6; these words say the user will not
    // commit to a number at all, or only to a bound ("more than a year").
    private static readonly FrozenSet<string> Vague = FrozenSet.Create(
        StringComparer.Ordinal,
        "many", "lots", "lot", "few", "fewer", "some", "several", "couple", "multiple", "numerous", "various",
        "dozen", "dozens", "bunch", "handful", "more", "less", "over", "under", "least", "most", "than", "plus",
        "upto", "or", "soon", "countless", "+");

    private static readonly FrozenDictionary<string, DurationUnit> UnitWords = new Dictionary<string, DurationUnit>(StringComparer.Ordinal)
    {
        ["year"] = DurationUnit.Year, ["years"] = DurationUnit.Year, ["yr"] = DurationUnit.Year, ["yrs"] = DurationUnit.Year,
        ["y"] = DurationUnit.Year, ["yaer"] = DurationUnit.Year, ["yaers"] = DurationUnit.Year, ["yeras"] = DurationUnit.Year,
        ["yera"] = DurationUnit.Year, ["yers"] = DurationUnit.Year, ["yeard"] = DurationUnit.Year,
        ["month"] = DurationUnit.Month, ["months"] = DurationUnit.Month, ["mo"] = DurationUnit.Month, ["mos"] = DurationUnit.Month,
        ["mon"] = DurationUnit.Month, ["mons"] = DurationUnit.Month, ["mth"] = DurationUnit.Month, ["mths"] = DurationUnit.Month,
        ["mnth"] = DurationUnit.Month, ["mnths"] = DurationUnit.Month, ["m"] = DurationUnit.Month, ["monthes"] = DurationUnit.Month,
        ["monts"] = DurationUnit.Month, ["moths"] = DurationUnit.Month, ["montsh"] = DurationUnit.Month, ["mounths"] = DurationUnit.Month,
        ["week"] = DurationUnit.Week, ["weeks"] = DurationUnit.Week, ["wk"] = DurationUnit.Week, ["wks"] = DurationUnit.Week,
        ["w"] = DurationUnit.Week, ["weks"] = DurationUnit.Week,
        ["day"] = DurationUnit.Day, ["days"] = DurationUnit.Day, ["d"] = DurationUnit.Day,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Only full singular words may stand without a number ("year and half"); a lone "m" or "y" is more likely
    // "I m" or "y(es)" than a unit, and a lone plural ("years") is vague.
    private static readonly FrozenSet<string> BareUnits = FrozenSet.Create(StringComparer.Ordinal, "year", "month", "week", "day");

    // "last year", "per month": a bare unit after these names a time, not a length.
    private static readonly FrozenSet<string> Determiners = FrozenSet.Create(
        StringComparer.Ordinal, "last", "next", "this", "that", "the", "per", "every", "each", "same", "past", "previous", "coming");

    // "18" alone is months, but in "since 2024" or "graduated in 2024" the number is a date. A unit-less number
    // is read only when nothing but these words stands beside it.
    private static readonly FrozenSet<string> BareNumberCompanions = FrozenSet.Create(
        StringComparer.Ordinal,
        "about", "around", "roughly", "approximately", "approx", "almost", "nearly", "like", "just", "only", "exactly",
        "its", "it", "is", "was", "a", "gap", "of", "so", "total");

    private static readonly FrozenSet<string> Adjectives = FrozenSet.Create(StringComparer.Ordinal, "whole", "full", "entire", "complete", "solid");

    /// <summary>A length of time as typed, before any rounding.</summary>
    internal readonly record struct Duration(decimal Years, decimal Months, decimal Weeks, decimal Days)
    {
        // "0 months" is a duration; an answer with no number at all is not, so emptiness is not "all zero".
        public bool HasParts { get; init; }

        // Read from a number with no unit, taken as months.
        public bool IsBareNumber { get; init; }

        public bool IsNegative => Years < 0 || Months < 0 || Weeks < 0 || Days < 0;

        public decimal TotalMonths => (Years * 12) + Months + (((Weeks * 7) + Days) / DaysPerMonth);
    }

    public static bool TryRead(string text, out long months)
    {
        months = 0;
        var tokens = NumberWords.TokeniseNumeric(text);
        if (NumberWords.IsUncertain(tokens) || tokens.Any(Vague.Contains))
        {
            return false;
        }

        if (!TryParseDuration(tokens, bareNumberIsMonths: true, out var duration, out var negated))
        {
            return false;
        }

        if (duration.IsBareNumber && !StandsAlone(tokens))
        {
            return false;
        }

        if (!duration.HasParts)
        {
            // "no gap", "never had one", "none": a negative answer to a duration question is zero.
            return negated;
        }

        var total = duration.TotalMonths;
        var rounded = Math.Round(total, MidpointRounding.AwayFromZero);
        if (rounded == 0 && total != 0)
        {
            // A reported gap is a gap: "3 weeks" or "10 days" must not round to 0, which reads as "no gap".
            rounded = Math.Sign(total);
        }

        months = (long)rounded;
        return true;
    }

    private static bool StandsAlone(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (NumberWords.TryReadNumber(tokens, i, out _, out var length))
            {
                i += length - 1;
            }
            else if (!BareNumberCompanions.Contains(tokens[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the token can be part of a spelled-out duration ("a year and a half", "8 yrs").</summary>
    internal static bool IsDurationToken(IReadOnlyList<string> tokens, int index)
    {
        var token = tokens[index];
        return UnitWords.ContainsKey(token)
            || Adjectives.Contains(token)
            || token is "a" or "an" or "and" or "half"
            || (token.Length > 0 && token[0] != '\'' && NumberWords.TryReadNumber(tokens, index, out _, out _));
    }

    /// <summary>Whether the token is a unit of time.</summary>
    internal static bool IsUnit(string token) => UnitWords.ContainsKey(token);

    /// <summary>
    /// Reads numbers with units out of <paramref name="tokens"/>, ignoring other words. Fails on anything it
    /// cannot place: two numbers in a row, a repeated unit, a range, a number without a unit (unless
    /// <paramref name="bareNumberIsMonths"/> and it stands alone).
    /// </summary>
    internal static bool TryParseDuration(IReadOnlyList<string> tokens, bool bareNumberIsMonths, out Duration duration, out bool negated)
    {
        duration = default;
        negated = false;
        decimal? pending = null;
        var parts = new Dictionary<DurationUnit, decimal>();
        DurationUnit? lastUnit = null;
        var lastUnitIndex = -1;

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token is "-" or "/" or "+")
            {
                return false;
            }

            if (NumberWords.TryReadNumber(tokens, i, out var number, out var length))
            {
                if (pending is not null)
                {
                    return false;
                }

                pending = number;
                i += length - 1;
                continue;
            }

            if (NumberWords.IsNumberToken(token))
            {
                return false;
            }

            if (UnitWords.TryGetValue(token, out var unit))
            {
                if (pending is null)
                {
                    if (!BareUnits.Contains(token))
                    {
                        continue;
                    }

                    if (i > 0 && Determiners.Contains(tokens[i - 1]))
                    {
                        return false;
                    }

                    pending = 1;
                }

                if (!parts.TryAdd(unit, pending.Value))
                {
                    return false;
                }

                pending = null;
                lastUnit = unit;
                lastUnitIndex = i;
                continue;
            }

            switch (token)
            {
                case "half":
                    if (pending is not null)
                    {
                        // "1½ years" arrives as "1", "half".
                        if (i > 0 && NumberWords.IsNumberToken(tokens[i - 1]))
                        {
                            pending += 0.5m;
                            continue;
                        }

                        return false;
                    }

                    if (lastUnit is { } previous
                        && ((i - lastUnitIndex == 2 && tokens[i - 1] == "and")
                            || (i - lastUnitIndex == 3 && tokens[i - 2] == "and" && tokens[i - 1] is "a" or "an")))
                    {
                        // "a year and a half", "2 years and half"
                        parts[previous] += 0.5m;
                        lastUnit = null;
                        continue;
                    }

                    var afterHalf = i + 1;
                    if (afterHalf < tokens.Count && tokens[afterHalf] is "a" or "an")
                    {
                        afterHalf++;
                    }

                    if (afterHalf < tokens.Count && UnitWords.ContainsKey(tokens[afterHalf]))
                    {
                        // "half a year", "half year"
                        pending = 0.5m;
                        i = afterHalf - 1;
                        continue;
                    }

                    return false;

                case "a" or "an":
                    var afterArticle = i + 1;
                    while (afterArticle < tokens.Count && Adjectives.Contains(tokens[afterArticle]))
                    {
                        afterArticle++;
                    }

                    if (pending is null && afterArticle < tokens.Count && UnitWords.ContainsKey(tokens[afterArticle]))
                    {
                        pending = 1;
                        i = afterArticle - 1;
                    }

                    continue;

                case "and":
                    if (pending is not null && i + 2 < tokens.Count && tokens[i + 1] is "a" or "an" && tokens[i + 2] == "half")
                    {
                        pending += 0.5m;
                        i += 2;
                    }
                    else if (pending is not null && i + 1 < tokens.Count && tokens[i + 1] == "half")
                    {
                        pending += 0.5m;
                        i += 1;
                    }

                    continue;
            }

            negated |= NumberWords.IsNegator(token);
        }

        if (pending is { } bare)
        {
            // "18" alone is months; "1 year 6" might be, but guessing the unit of a trailing number is not confident.
            if (parts.Count != 0 || !bareNumberIsMonths || !decimal.IsInteger(bare))
            {
                return false;
            }

            parts[DurationUnit.Month] = bare;
        }

        duration = new Duration(
            parts.GetValueOrDefault(DurationUnit.Year),
            parts.GetValueOrDefault(DurationUnit.Month),
            parts.GetValueOrDefault(DurationUnit.Week),
            parts.GetValueOrDefault(DurationUnit.Day))
        {
            HasParts = parts.Count != 0,
            IsBareNumber = pending is not null,
        };
        return true;
    }

    internal enum DurationUnit
    {
        Year,
        Month,
        Week,
        Day,
    }
}
