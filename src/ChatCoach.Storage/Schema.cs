namespace ChatCoach.Storage;

/// <summary>
/// Every table and column name, in one place: the EF model maps its entities with these names (so migrations create
/// them) and the hand-written SQL of the hot path and the jobs is built from them. Column names are PascalCase, so
/// SQL quotes them (PostgreSQL folds unquoted names to lower case).
/// </summary>
internal static class Schema
{
    public static class Sessions
    {
        public const string Table = "sessions";
        public const string Platform = nameof(SessionRow.Platform);
        public const string UserId = nameof(SessionRow.UserId);
        public const string ScriptId = nameof(SessionRow.ScriptId);
        public const string ScriptVersion = nameof(SessionRow.ScriptVersion);
        public const string Node = nameof(SessionRow.Node);
        public const string Turn = nameof(SessionRow.Turn);
        public const string State = nameof(SessionRow.State);
        public const string CreatedAt = nameof(SessionRow.CreatedAt);
        public const string UpdatedAt = nameof(SessionRow.UpdatedAt);
        public const string Revision = nameof(SessionRow.Revision);
    }

    public static class HandledEvents
    {
        public const string Table = "handled_events";
        public const string EventId = nameof(HandledEventRow.EventId);
        public const string Platform = nameof(HandledEventRow.Platform);
        public const string UserId = nameof(HandledEventRow.UserId);
        public const string HandledAt = nameof(HandledEventRow.HandledAt);
    }

    public static class Transcripts
    {
        public const string Table = "transcripts";
        public const string Id = nameof(TranscriptRow.Id);
        public const string Platform = nameof(TranscriptRow.Platform);
        public const string UserId = nameof(TranscriptRow.UserId);
        public const string FromUser = nameof(TranscriptRow.FromUser);
        public const string Text = nameof(TranscriptRow.Text);
        public const string At = nameof(TranscriptRow.At);
    }

    public static class FunnelCounts
    {
        public const string Table = "funnel_counts";
        public const string ScriptVersion = nameof(FunnelCountRow.ScriptVersion);
        public const string Node = nameof(FunnelCountRow.Node);
        public const string Event = nameof(FunnelCountRow.Event);
        public const string Count = nameof(FunnelCountRow.Count);
    }

    public static class ScriptVersions
    {
        public const string Table = "script_versions";
        public const string Version = nameof(ScriptVersionRow.Version);
        public const string ScriptId = nameof(ScriptVersionRow.ScriptId);
        public const string File = nameof(ScriptVersionRow.File);
        public const string Content = nameof(ScriptVersionRow.Content);
        public const string FirstSeen = nameof(ScriptVersionRow.FirstSeen);
    }

    public static class Activations
    {
        public const string Table = "activations";
        public const string Id = nameof(ActivationRow.Id);
        public const string At = nameof(ActivationRow.At);
        public const string Actor = nameof(ActivationRow.Actor);
        public const string Replica = nameof(ActivationRow.Replica);
        public const string ScriptId = nameof(ActivationRow.ScriptId);
        public const string FromVersion = nameof(ActivationRow.FromVersion);
        public const string ToVersion = nameof(ActivationRow.ToVersion);
        public const string Succeeded = nameof(ActivationRow.Succeeded);
        public const string Result = nameof(ActivationRow.Result);
    }

    public static class BotState
    {
        public const string Table = "bot_state";
        public const string Key = nameof(BotStateRow.Key);
        public const string Value = nameof(BotStateRow.Value);
    }

    public static class Leases
    {
        public const string Table = "leases";
        public const string Name = nameof(LeaseRow.Name);
        public const string Owner = nameof(LeaseRow.Owner);
        public const string ExpiresAt = nameof(LeaseRow.ExpiresAt);
        public const string State = nameof(LeaseRow.State);
    }

    public static class Outbox
    {
        public const string Table = "reply_outbox";
        public const string Id = nameof(OutboxRow.Id);
        public const string Platform = nameof(OutboxRow.Platform);
        public const string UserId = nameof(OutboxRow.UserId);
        public const string Address = nameof(OutboxRow.Address);
        public const string Body = nameof(OutboxRow.Body);
        public const string CreatedAt = nameof(OutboxRow.CreatedAt);
        public const string ExpiresAt = nameof(OutboxRow.ExpiresAt);
        public const string Attempts = nameof(OutboxRow.Attempts);
        public const string FirstTriedAt = nameof(OutboxRow.FirstTriedAt);
        public const string NextAttemptAt = nameof(OutboxRow.NextAttemptAt);
    }

    /// <summary>The tables with rows about a user (by platform and user id), which erasure empties of them.</summary>
    public static readonly string[] UserTables = [Sessions.Table, HandledEvents.Table, Transcripts.Table, Outbox.Table];
}
