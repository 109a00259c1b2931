using System.Data.Common;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using static ChatCoach.Storage.Schema;

namespace ChatCoach.Storage;

/// <summary>
/// The SQL both providers run on their hot path and in their jobs, written once: SQLite and PostgreSQL read the same
/// statements (<c>@name</c> parameters, <c>ON CONFLICT</c>, quoted PascalCase columns). Names come from <see cref="Schema"/>.
/// </summary>
internal static class Sql
{
    /// <summary>The session columns after its key, in the order <see cref="LoadSession"/> returns them.</summary>
    public const string SessionColumns =
        $"""
        "{Sessions.ScriptId}", "{Sessions.ScriptVersion}", "{Sessions.Node}", "{Sessions.Turn}", "{Sessions.State}",
            "{Sessions.CreatedAt}", "{Sessions.UpdatedAt}", "{Sessions.Revision}"
        """;

    /// <summary>The parameters of a session write, in order.</summary>
    public static readonly string[] SessionParameters =
        ["@platform", "@user", "@scriptId", "@scriptVersion", "@node", "@turn", "@state", "@createdAt", "@updatedAt", "@revision"];

    /// <summary>Binds a session to the parameters of a session write, named in <see cref="SessionParameters"/>.</summary>
    public static void BindSession(DbParameterCollection values, Session session)
    {
        values[0].Value = session.Platform;
        values[1].Value = session.UserId;
        values[2].Value = session.ScriptId;
        values[3].Value = session.ScriptVersion;
        values[4].Value = (object?)session.Node ?? DBNull.Value;
        values[5].Value = session.Turn;
        values[6].Value = SessionState.Write(session);
        values[7].Value = session.CreatedAt.ToUniversalTime();
        values[8].Value = session.UpdatedAt.ToUniversalTime();
        values[9].Value = session.Revision + 1;
    }

    /// <summary>The session in the current row of <see cref="LoadSession"/>.</summary>
    public static Session ReadSession(DbDataReader row, string platform, string userId)
    {
        var session = new Session
        {
            Platform = platform,
            UserId = userId,
            ScriptId = row.GetString(0),
            ScriptVersion = row.GetString(1),
            Node = row.IsDBNull(2) ? null : row.GetString(2),
            Turn = row.GetInt32(3),
            CreatedAt = row.GetFieldValue<DateTimeOffset>(5),
            UpdatedAt = row.GetFieldValue<DateTimeOffset>(6),
            Revision = row.GetInt64(7),
        };
        SessionState.Read(row.GetString(4), session);
        return session;
    }

    public const string LoadSession =
        $"""
        SELECT {SessionColumns}
        FROM {Sessions.Table} WHERE "{Sessions.Platform}" = @platform AND "{Sessions.UserId}" = @user
        """;

    public const string IsHandled = $"""SELECT 1 FROM {HandledEvents.Table} WHERE "{HandledEvents.EventId}" = @event""";

    /// <summary>Creates a session; nothing when it exists already (someone else created it first).</summary>
    public const string InsertSession =
        $"""
        INSERT INTO {Sessions.Table} ("{Sessions.Platform}", "{Sessions.UserId}", {SessionColumns})
        VALUES (@platform, @user, @scriptId, @scriptVersion, @node, @turn, @state, @createdAt, @updatedAt, @revision)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Saves a session over the revision it was loaded at; nothing when someone else saved it since.</summary>
    public const string UpdateSession =
        $"""
        UPDATE {Sessions.Table} SET "{Sessions.ScriptId}" = @scriptId, "{Sessions.ScriptVersion}" = @scriptVersion,
            "{Sessions.Node}" = @node, "{Sessions.Turn}" = @turn, "{Sessions.State}" = @state,
            "{Sessions.CreatedAt}" = @createdAt, "{Sessions.UpdatedAt}" = @updatedAt, "{Sessions.Revision}" = @revision
        WHERE "{Sessions.Platform}" = @platform AND "{Sessions.UserId}" = @user AND "{Sessions.Revision}" = @revision - 1
        """;

    /// <summary>Records an event id; nothing when it was recorded already (the deduplication key).</summary>
    public const string InsertEvent =
        $"""
        INSERT INTO {HandledEvents.Table} ("{HandledEvents.EventId}", "{HandledEvents.Platform}", "{HandledEvents.UserId}", "{HandledEvents.HandledAt}")
        VALUES (@event, @platform, @user, @at)
        ON CONFLICT DO NOTHING
        """;

    public const string ForgetEvent = $"""DELETE FROM {HandledEvents.Table} WHERE "{HandledEvents.EventId}" = @event""";

    public const string InsertTranscript =
        $"""
        INSERT INTO {Transcripts.Table} ("{Transcripts.Platform}", "{Transcripts.UserId}", "{Transcripts.FromUser}", "{Transcripts.Text}", "{Transcripts.At}")
        VALUES (@platform, @user, @fromUser, @text, @at)
        """;

    /// <summary>Adds to a funnel counter, creating it at the first count.</summary>
    public const string CountFunnel =
        $"""
        INSERT INTO {FunnelCounts.Table} ("{FunnelCounts.ScriptVersion}", "{FunnelCounts.Node}", "{FunnelCounts.Event}", "{FunnelCounts.Count}")
        VALUES (@version, @node, @event, @count)
        ON CONFLICT ("{FunnelCounts.ScriptVersion}", "{FunnelCounts.Node}", "{FunnelCounts.Event}")
        DO UPDATE SET "{FunnelCounts.Count}" = {FunnelCounts.Table}."{FunnelCounts.Count}" + excluded."{FunnelCounts.Count}"
        """;

    /// <summary>A reply written with its turn, due for the sweeper only after <c>@next</c>; returns its id.</summary>
    public const string InsertOutbox =
        $"""
        INSERT INTO {Outbox.Table} ("{Outbox.Platform}", "{Outbox.UserId}", "{Outbox.Address}", "{Outbox.Body}", "{Outbox.CreatedAt}",
            "{Outbox.ExpiresAt}", "{Outbox.Attempts}", "{Outbox.NextAttemptAt}")
        VALUES (@platform, @user, @address, @body, @createdAt, @expiresAt, 0, @next)
        RETURNING "{Outbox.Id}"
        """;

    /// <summary>The outbox columns, in the order <see cref="ReadOutbox"/> reads them.</summary>
    public const string OutboxColumns =
        $"""
        "{Outbox.Id}", "{Outbox.Platform}", "{Outbox.UserId}", "{Outbox.Address}", "{Outbox.Body}", "{Outbox.CreatedAt}", "{Outbox.ExpiresAt}",
            "{Outbox.Attempts}", "{Outbox.FirstTriedAt}", "{Outbox.NextAttemptAt}"
        """;

    /// <summary>
    /// The due rows of a platform that are the oldest pending row of their user (so a later reply never overtakes an
    /// earlier one being retried), oldest first, at most <c>@max</c>; <see cref="ClaimOutbox"/> is built on it.
    /// </summary>
    public const string DueOutbox =
        $"""
        SELECT o."{Outbox.Id}" FROM {Outbox.Table} o
        WHERE o."{Outbox.Platform}" = @platform AND o."{Outbox.NextAttemptAt}" <= @now
          AND NOT EXISTS (SELECT 1 FROM {Outbox.Table} e
                          WHERE e."{Outbox.Platform}" = o."{Outbox.Platform}" AND e."{Outbox.UserId}" = o."{Outbox.UserId}" AND e."{Outbox.Id}" < o."{Outbox.Id}")
        ORDER BY o."{Outbox.Id}" LIMIT @max
        """;

    /// <summary>Holds the due rows until <c>@leaseEnd</c> and returns them.</summary>
    public const string ClaimOutbox =
        $"""
        UPDATE {Outbox.Table} SET "{Outbox.NextAttemptAt}" = @leaseEnd
        WHERE "{Outbox.Id}" IN ({DueOutbox})
        RETURNING {OutboxColumns}
        """;

    public const string CountOutbox = $"""SELECT COUNT(*) FROM {Outbox.Table} WHERE "{Outbox.Platform}" = @platform""";

    public const string DeleteOutbox = $"""DELETE FROM {Outbox.Table} WHERE "{Outbox.Id}" = @id""";

    public const string RetryOutbox =
        $"""
        UPDATE {Outbox.Table} SET "{Outbox.Attempts}" = @attempts, "{Outbox.FirstTriedAt}" = @first, "{Outbox.NextAttemptAt}" = @next
        WHERE "{Outbox.Id}" = @id
        """;

    /// <summary>The reply in the current row of a statement returning <see cref="OutboxColumns"/>.</summary>
    public static OutboxReply ReadOutbox(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        Platform = row.GetString(1),
        UserId = row.GetString(2),
        Address = row.GetString(3),
        Body = row.GetString(4),
        CreatedAt = row.GetFieldValue<DateTimeOffset>(5),
        ExpiresAt = row.IsDBNull(6) ? null : row.GetFieldValue<DateTimeOffset>(6),
        Attempts = row.GetInt32(7),
        FirstTriedAt = row.IsDBNull(8) ? null : row.GetFieldValue<DateTimeOffset>(8),
        NextAttemptAt = row.GetFieldValue<DateTimeOffset>(9),
    };

    /// <summary>Sets a bot fact; its key and value are EF Core's raw-SQL parameters <c>{0}</c> and <c>{1}</c>.</summary>
    /// <summary>Adds a bot fact unless its key is there; parameters <c>{0}</c> and <c>{1}</c>, as for <see cref="SetBotState"/>.</summary>
    public const string AddBotState =
        $$"""
        INSERT INTO {{BotState.Table}} ("{{BotState.Key}}", "{{BotState.Value}}") VALUES ({0}, {1})
        ON CONFLICT ("{{BotState.Key}}") DO NOTHING
        """;

    public const string SetBotState =
        $$"""
        INSERT INTO {{BotState.Table}} ("{{BotState.Key}}", "{{BotState.Value}}") VALUES ({0}, {1})
        ON CONFLICT ("{{BotState.Key}}") DO UPDATE SET "{{BotState.Value}}" = excluded."{{BotState.Value}}"
        """;

    /// <summary>Takes a lease that is free, expired or the owner's already; returns its state when taken, no row otherwise.</summary>
    public const string TakeLease =
        $"""
        INSERT INTO {Leases.Table} ("{Leases.Name}", "{Leases.Owner}", "{Leases.ExpiresAt}") VALUES (@name, @owner, @until)
        ON CONFLICT ("{Leases.Name}") DO UPDATE SET "{Leases.Owner}" = excluded."{Leases.Owner}", "{Leases.ExpiresAt}" = excluded."{Leases.ExpiresAt}"
        WHERE {Leases.Table}."{Leases.Owner}" = excluded."{Leases.Owner}" OR {Leases.Table}."{Leases.ExpiresAt}" < @now
        RETURNING "{Leases.State}"
        """;

    /// <summary>Extends the owner's lease and stores its state (or gives it up, with an expiry of now).</summary>
    public const string RenewLease =
        $"""
        UPDATE {Leases.Table} SET "{Leases.ExpiresAt}" = @until, "{Leases.State}" = @state
        WHERE "{Leases.Name}" = @name AND "{Leases.Owner}" = @owner
        """;

    /// <summary>Forgets the event ids handled before <c>@before</c>.</summary>
    public const string PruneEvents = $"""DELETE FROM {HandledEvents.Table} WHERE "{HandledEvents.HandledAt}" < @before""";

    /// <summary>Deletes a user's rows from one of <see cref="UserTables"/>, which all name the user as sessions do.</summary>
    public static string EraseUser(string table) =>
        $"""DELETE FROM {table} WHERE "{Sessions.Platform}" = @platform AND "{Sessions.UserId}" = @user""";

    /// <summary>
    /// A command on the context's connection (opened), its parameters named as in <paramref name="sql"/>: for the
    /// statements off the hot path, which run alike on every provider.
    /// </summary>
    public static async Task<DbCommand> CommandAsync(CoachDbContext db, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (parameterName, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = parameterName;
            parameter.Value = value switch
            {
                null => DBNull.Value,
                DateTimeOffset time => time.ToUniversalTime(), // stored in UTC (on SQLite as text that sorts as time does)
                _ => value,
            };
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
