using System.Globalization;

namespace ChatCoach.Core.Seasons;

/// <summary>
/// One row of a script's <c>seasons:</c> table: while today falls between <see cref="From"/> and <see cref="To"/>,
/// <see cref="MatchInProgress"/> is under way and <see cref="NextMatch"/> is the first Match a person starting now
/// can enter; the dates describe that next Match's cycle.
/// </summary>
public sealed record Season
{
    /// <summary>The value names texts may use as <c>{season.NAME}</c>.</summary>
    public static IReadOnlyList<string> DateNames { get; } =
    [
        "applications_open", "applications_submit", "rank_list_deadline", "match_day",
        "pathways_graduation_floor", "oet_floor", "pathway1_licence_floor",
    ];

    /// <summary>The first day this row applies.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The last day this row applies.</summary>
    public required DateOnly To { get; init; }

    /// <summary>The Match whose applications are already with programs.</summary>
    public required int MatchInProgress { get; init; }

    /// <summary>The first Match a person starting today can enter.</summary>
    public required int NextMatch { get; init; }

    /// <summary>The next Match's dates by name (see <see cref="DateNames"/>).</summary>
    public required IReadOnlyDictionary<string, SeasonDate> Dates { get; init; }

    /// <summary>Where the row was written.</summary>
    public Scripts.SourcePosition Position { get; init; }

    /// <summary>Whether <paramref name="today"/> falls in this row.</summary>
    public bool Covers(DateOnly today) => From <= today && today <= To;

    /// <summary>A value for a <c>{season.NAME}</c> placeholder, or null when the name is not a season value.</summary>
    public string? Value(string name) => name switch
    {
        "match_in_progress" => MatchInProgress.ToString(CultureInfo.InvariantCulture),
        "next_match" => NextMatch.ToString(CultureInfo.InvariantCulture),
        _ => Dates.TryGetValue(name, out var date) ? date.ToString() : null,
    };
}

/// <summary>A season date, and whether it was continued from earlier years' pattern rather than published.</summary>
public readonly record struct SeasonDate(DateOnly Date, bool Inferred)
{
    /// <summary>The date as the plan shows it: "2 June 2027".</summary>
    public override string ToString() => Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
