using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatCoach.Storage;

/// <summary>The session store on EF Core: one transaction per turn, optimistic concurrency, event ids for deduplication.</summary>
internal sealed class EfSessionStore(IDbContextFactory<CoachDbContext> contexts) : ISessionStore
{
    public async Task<Session?> LoadAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Sessions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Platform == platform && s.UserId == userId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var session = new Session
        {
            Platform = row.Platform,
            UserId = row.UserId,
            ScriptId = row.ScriptId,
            ScriptVersion = row.ScriptVersion,
            Node = row.Node,
            Turn = row.Turn,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            Revision = row.Revision,
        };
        SessionState.Read(row.State, session);
        return session;
    }

    public async Task<bool> WasHandledAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.HandledEvents.AnyAsync(e => e.EventId == eventId, cancellationToken);
    }

    public async Task<bool> ClaimAsync(string platform, string userId, string claim, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.HandledEvents.Add(new HandledEventRow { EventId = claim, Platform = platform, UserId = userId, HandledAt = at });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            return false;
        }
    }

    public async Task<SaveResult> SaveAsync(SavedTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var session = turn.Session;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new SessionRow
        {
            Platform = session.Platform,
            UserId = session.UserId,
            ScriptId = session.ScriptId,
            ScriptVersion = session.ScriptVersion,
            Node = session.Node,
            Turn = session.Turn,
            State = SessionState.Write(session),
            CreatedAt = session.CreatedAt,
            UpdatedAt = session.UpdatedAt,
            Revision = session.Revision + 1,
        };
        if (session.Revision == 0)
        {
            db.Sessions.Add(row);
        }
        else
        {
            var entry = db.Sessions.Attach(row);
            entry.State = EntityState.Modified;
            entry.Property(r => r.Revision).OriginalValue = session.Revision;
        }

        if (turn.EventId is { } eventId)
        {
            db.HandledEvents.Add(new HandledEventRow { EventId = eventId, Platform = session.Platform, UserId = session.UserId, HandledAt = session.UpdatedAt });
        }

        foreach (var line in turn.Transcript ?? [])
        {
            db.Transcripts.Add(new TranscriptRow { Platform = session.Platform, UserId = session.UserId, FromUser = line.FromUser, Text = line.Text, At = line.At });
        }

        // One transaction: the turn lands whole or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            return turn.EventId is { } id && await WasHandledAsync(id, cancellationToken) ? SaveResult.Duplicate : SaveResult.Conflict;
        }

        await CountAsync(db, session.ScriptVersion, turn.FromNode, turn.Outcome.ToString(), cancellationToken);
        if (session.Node != turn.FromNode)
        {
            await CountAsync(db, session.ScriptVersion, session.Node, "Entered", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        session.Revision = row.Revision;
        return SaveResult.Saved;
    }

    private static async Task CountAsync(CoachDbContext db, string version, string? node, string what, CancellationToken cancellationToken)
    {
        if (node is null)
        {
            return;
        }

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO funnel_counts ("ScriptVersion", "Node", "Event", "Count") VALUES ({version}, {node}, {what}, 1)
            ON CONFLICT ("ScriptVersion", "Node", "Event") DO UPDATE SET "Count" = "Count" + 1
            """,
            cancellationToken);
    }

    public async Task EraseAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Sessions.Where(s => s.Platform == platform && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.HandledEvents.Where(e => e.Platform == platform && e.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Transcripts.Where(t => t.Platform == platform && t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // secure_delete zeroes the freed pages in the database, but the WAL still holds the old page images
        // until a checkpoint copies them back and truncates it.
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }
}
