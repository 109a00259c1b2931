using static ChatCoach.Storage.Schema;

namespace ChatCoach.Storage.Postgres;

/// <summary>
/// The statements only PostgreSQL runs. A turn is saved by one statement, so that a whole group of turns goes to the
/// server in one round trip: the session write is conditional on the event not being handled yet, and the event id
/// and transcript lines are written only when the session was, and its funnel counts go to a temporary table that the
/// group's last statement adds up into the counters. The parameters are those of <see cref="Sql.SessionParameters"/>,
/// then <c>@event</c>, <c>@at</c>, <c>@fromUser</c>, <c>@text</c>, <c>@lineAt</c>, <c>@fromNode</c>, <c>@outcome</c>, and the
/// turn's replies for the outbox as arrays (<c>@replyAddress</c>, <c>@replyBody</c>, <c>@replyCreatedAt</c>,
/// <c>@replyExpiresAt</c>, <c>@replyNext</c>); it answers whether the session was saved, whether the event had been handled
/// before (a duplicate rather than a conflict), and the outbox ids in the order of the replies.
/// </summary>
internal static class PostgresSql
{
    private const string NotHandled = $"""NOT EXISTS (SELECT 1 FROM {HandledEvents.Table} WHERE "{HandledEvents.EventId}" = @event)""";

    /// <summary>
    /// What a turn starts from, in one round trip: the session's columns (null when the user has none), then whether
    /// <c>@event</c> was handled already. Always one row.
    /// </summary>
    public const string StartTurn =
        $"""
        SELECT {Sql.SessionColumns}, EXISTS (SELECT 1 FROM {HandledEvents.Table} WHERE "{HandledEvents.EventId}" = @event)
        FROM (SELECT 1) AS one
        LEFT JOIN {Sessions.Table} ON "{Sessions.Platform}" = @platform AND "{Sessions.UserId}" = @user
        """;

    /// <summary>A turn on a new session: saved only when nobody created the session first.</summary>
    public const string SaveNewSession =
        $"""
        WITH saved AS (
            INSERT INTO {Sessions.Table} ("{Sessions.Platform}", "{Sessions.UserId}", "{Sessions.ScriptId}", "{Sessions.ScriptVersion}",
                "{Sessions.Node}", "{Sessions.Turn}", "{Sessions.State}", "{Sessions.CreatedAt}", "{Sessions.UpdatedAt}", "{Sessions.Revision}")
            SELECT @platform, @user, @scriptId, @scriptVersion, @node, @turn, @state, @createdAt, @updatedAt, @revision
            WHERE {NotHandled}
            ON CONFLICT DO NOTHING
            RETURNING 1
        ){TurnRest}
        """;

    /// <summary>A turn on an existing session: saved only over the revision it was loaded at.</summary>
    public const string SaveSession =
        $"""
        WITH saved AS (
            UPDATE {Sessions.Table} SET "{Sessions.ScriptId}" = @scriptId, "{Sessions.ScriptVersion}" = @scriptVersion,
                "{Sessions.Node}" = @node, "{Sessions.Turn}" = @turn, "{Sessions.State}" = @state,
                "{Sessions.CreatedAt}" = @createdAt, "{Sessions.UpdatedAt}" = @updatedAt, "{Sessions.Revision}" = @revision
            WHERE "{Sessions.Platform}" = @platform AND "{Sessions.UserId}" = @user AND "{Sessions.Revision}" = @revision - 1
                AND {NotHandled}
            RETURNING 1
        ){TurnRest}
        """;

    /// <summary>
    /// The event id and transcript lines of a saved turn, then two answers: whether the session was saved, and whether
    /// the event had been handled before (a duplicate, as opposed to a conflict).
    /// </summary>
    private const string TurnRest =
        $"""
        , handled AS (
            INSERT INTO {HandledEvents.Table} ("{HandledEvents.EventId}", "{HandledEvents.Platform}", "{HandledEvents.UserId}", "{HandledEvents.HandledAt}")
            SELECT @event, @platform, @user, @at WHERE @event IS NOT NULL AND EXISTS (SELECT 1 FROM saved)
            ON CONFLICT DO NOTHING
        ), transcript AS (
            INSERT INTO {Transcripts.Table} ("{Transcripts.Platform}", "{Transcripts.UserId}", "{Transcripts.FromUser}", "{Transcripts.Text}", "{Transcripts.At}")
            SELECT @platform, @user, line.from_user, line.text, line.at
            FROM unnest(@fromUser, @text, @lineAt) AS line (from_user, text, at)
            WHERE EXISTS (SELECT 1 FROM saved)
        ), counted AS (
            INSERT INTO {TurnFunnel} (version, node, event)
            SELECT @scriptVersion, @fromNode, @outcome WHERE @fromNode IS NOT NULL AND EXISTS (SELECT 1 FROM saved)
            UNION ALL
            SELECT @scriptVersion, @node, 'Entered' WHERE @node IS DISTINCT FROM @fromNode AND @node IS NOT NULL AND EXISTS (SELECT 1 FROM saved)
        ), outbox AS (
            INSERT INTO {Outbox.Table} ("{Outbox.Platform}", "{Outbox.UserId}", "{Outbox.Address}", "{Outbox.Body}", "{Outbox.CreatedAt}",
                "{Outbox.ExpiresAt}", "{Outbox.Attempts}", "{Outbox.NextAttemptAt}")
            SELECT @platform, @user, reply.address, reply.body, reply.created_at, reply.expires_at, 0, reply.next
            FROM unnest(@replyAddress, @replyBody, @replyCreatedAt, @replyExpiresAt, @replyNext)
                WITH ORDINALITY AS reply (address, body, created_at, expires_at, next, n)
            WHERE EXISTS (SELECT 1 FROM saved)
            ORDER BY reply.n
            RETURNING "{Outbox.Id}"
        )
        SELECT EXISTS (SELECT 1 FROM saved), NOT {NotHandled}, ARRAY (SELECT "{Outbox.Id}" FROM outbox ORDER BY "{Outbox.Id}")
        """;

    /// <summary>
    /// Holds the due outbox rows for this replica's sender: rows another replica is claiming at this moment are skipped,
    /// not waited for, so each reply has one sender.
    /// </summary>
    public const string ClaimOutbox =
        $"""
        UPDATE {Outbox.Table} SET "{Outbox.NextAttemptAt}" = @leaseEnd
        WHERE "{Outbox.Id}" IN ({Sql.DueOutbox} FOR UPDATE SKIP LOCKED)
        RETURNING {Sql.OutboxColumns}
        """;

    /// <summary>
    /// Where a writer's connection gathers the funnel counts of the turns it is saving (a temporary table: private to
    /// the connection, not written to the write-ahead log).
    /// </summary>
    private const string TurnFunnel = "pg_temp.turn_funnel";

    public const string CreateTurnFunnel = $"CREATE TEMPORARY TABLE IF NOT EXISTS turn_funnel (version text NOT NULL, node text NOT NULL, event text NOT NULL)";

    /// <summary>
    /// Adds the gathered counts to the counters, in key order so writers that share counters lock them in one order,
    /// and empties the temporary table.
    /// </summary>
    public const string CountTurnFunnel =
        $"""
        WITH counted AS (DELETE FROM {TurnFunnel} RETURNING version, node, event)
        INSERT INTO {FunnelCounts.Table} ("{FunnelCounts.ScriptVersion}", "{FunnelCounts.Node}", "{FunnelCounts.Event}", "{FunnelCounts.Count}")
        SELECT version, node, event, COUNT(*) FROM counted GROUP BY version, node, event ORDER BY version, node, event
        ON CONFLICT ("{FunnelCounts.ScriptVersion}", "{FunnelCounts.Node}", "{FunnelCounts.Event}")
        DO UPDATE SET "{FunnelCounts.Count}" = {FunnelCounts.Table}."{FunnelCounts.Count}" + excluded."{FunnelCounts.Count}"
        """;

    /// <summary>Reclaims the space of erased rows at once, rather than whenever autovacuum comes by.</summary>
    public static string Vacuum(string table) => $"VACUUM {table}";

    /// <summary>Takes a session-level advisory lock, waiting for it.</summary>
    public const string Lock = "SELECT pg_advisory_lock(@key)";

    /// <summary>Takes a session-level advisory lock when it is free; true when taken.</summary>
    public const string TryLock = "SELECT pg_try_advisory_lock(@key)";

    public const string Unlock = "SELECT pg_advisory_unlock(@key)";
}
