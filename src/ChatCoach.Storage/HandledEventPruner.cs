namespace ChatCoach.Storage;

/// <summary>
/// Forgets handled event ids once no platform can deliver them again (Discord replays within minutes of a
/// resume), so the deduplication table stays small.
/// </summary>
public sealed class HandledEventPruner(DatabaseOptions options)
{
    /// <summary>How long an event id is remembered.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(7);

    /// <summary>The job's name, under which one replica is elected to run it (<see cref="IJobElection"/>).</summary>
    public const string Job = "prune handled events";

    /// <summary>Deletes the ids handled before <paramref name="now"/> minus <see cref="Keep"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = new CoachContexts(options).Create();
        // Times are stored in UTC (on SQLite as ISO-8601 text, which sorts as time does).
        await using var prune = await Sql.CommandAsync(db, Sql.PruneEvents, cancellationToken, ("@before", now - Keep));
        return await prune.ExecuteNonQueryAsync(cancellationToken);
    }
}
