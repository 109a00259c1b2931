using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ChatCoach.Storage;

/// <summary>
/// Forgets handled event ids once no platform can deliver them again (Discord replays within minutes of a
/// resume), so the deduplication table stays small.
/// </summary>
public sealed class HandledEventPruner(DatabaseOptions options)
{
    /// <summary>How long an event id is remembered.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(7);

    /// <summary>Deletes the ids handled before <paramref name="now"/> minus <see cref="Keep"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var builder = new DbContextOptionsBuilder<CoachDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, options);
        await using var db = new CoachDbContext(builder.Options);
        // Times are stored as UTC ISO-8601 text, which sorts as time does.
        var cutoff = (now - Keep).ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        return await db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM handled_events WHERE "HandledAt" < {cutoff}""", cancellationToken);
    }
}
