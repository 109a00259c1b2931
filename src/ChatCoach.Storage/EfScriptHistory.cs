using ChatCoach.Core.Scripts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChatCoach.Storage;

/// <summary>Script versions and their activations in the database, beside the sessions that run on them.</summary>
internal sealed class EfScriptHistory(CoachContexts contexts, TimeProvider time, Replica replica) : IScriptHistory
{
    public async Task KeepAsync(Script script, string content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        await using var db = contexts.Create();
        if (await db.ScriptVersions.AnyAsync(v => v.Version == script.Version, cancellationToken))
        {
            return;
        }

        db.ScriptVersions.Add(new ScriptVersionRow
        {
            Version = script.Version, ScriptId = script.Id, File = script.File, Content = content, FirstSeen = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another replica kept the same version first (primary key): same hash, same content, nothing lost.
        }
    }

    public async Task<KeptVersion?> FindAsync(string version, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var row = await db.ScriptVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version, cancellationToken);
        return row is null ? null : ToKept(row);
    }

    public async Task<IReadOnlyList<KeptVersion>> FindByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var lower = prefix.ToLowerInvariant();
        await using var db = contexts.Create();
        var rows = await db.ScriptVersions.AsNoTracking().Where(v => v.Version.StartsWith(lower)).ToListAsync(cancellationToken);
        return rows.Select(ToKept).ToList();
    }

    public async Task RecordAsync(Activation activation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activation);
        await using var db = contexts.Create();
        db.Activations.Add(new ActivationRow
        {
            At = activation.At,
            Actor = activation.Actor,
            Replica = replica.Id,
            ScriptId = activation.ScriptId,
            FromVersion = activation.FromVersion,
            ToVersion = activation.ToVersion,
            Succeeded = activation.Succeeded,
            Result = activation.Result,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Activation>> ActivationsAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var rows = await db.Activations.AsNoTracking().OrderByDescending(a => a.Id).Take(count).ToListAsync(cancellationToken);
        return rows.Select(a => new Activation(a.At, a.Actor, a.ScriptId, a.FromVersion, a.ToVersion, a.Succeeded, a.Result)).ToList();
    }

    public async Task<IReadOnlyList<KeptVersion>> LiveVersionsAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var latest = db.Activations.Where(a => a.Succeeded).GroupBy(a => a.ScriptId).Select(g => g.Max(a => a.Id));
        var rows = await db.Activations.AsNoTracking()
            .Where(a => latest.Contains(a.Id))
            .Join(db.ScriptVersions, a => a.ToVersion, v => v.Version, (_, v) => v)
            .ToListAsync(cancellationToken);
        return rows.Select(ToKept).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> SessionsPerVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Sessions.AsNoTracking().GroupBy(s => s.ScriptVersion)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
    }

    private static KeptVersion ToKept(ScriptVersionRow row) => new(row.ScriptId, row.Version, row.File, row.Content, row.FirstSeen);
}
