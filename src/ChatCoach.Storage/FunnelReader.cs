using Microsoft.EntityFrameworkCore;

namespace ChatCoach.Storage;

/// <summary>Reads the funnel: what happened at each question of each script version, as counts only.</summary>
public static class FunnelReader
{
    /// <summary>Every counter, plus how many sessions currently stand at each node, by script version.</summary>
    public static async Task<IReadOnlyList<FunnelCount>> ReadAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        await using var db = new CoachContexts(options).Create();
        var counters = await db.FunnelCounts.AsNoTracking()
            .Select(f => new FunnelCount(f.ScriptVersion, f.Node, f.Event, f.Count))
            .ToListAsync(cancellationToken);
        var standing = await db.Sessions.AsNoTracking()
            .Where(s => s.Node != null)
            .GroupBy(s => new { s.ScriptVersion, s.Node })
            .Select(g => new FunnelCount(g.Key.ScriptVersion, g.Key.Node!, FunnelCount.StandingHere, g.LongCount()))
            .ToListAsync(cancellationToken);
        return [.. counters, .. standing];
    }
}

/// <summary>How often <paramref name="Event"/> happened at <paramref name="Node"/> of a script version.</summary>
/// <param name="ScriptVersion">The script version (content hash).</param>
/// <param name="Node">The node.</param>
/// <param name="Event">A turn outcome ("Answered", "Reasked", …), "Entered", or <see cref="StandingHere"/>.</param>
/// <param name="Count">How often.</param>
public sealed record FunnelCount(string ScriptVersion, string Node, string Event, long Count)
{
    /// <summary>The event name for sessions whose current node this is.</summary>
    public const string StandingHere = "StandingHere";
}
