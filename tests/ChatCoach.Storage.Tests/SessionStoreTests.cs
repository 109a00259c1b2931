using ChatCoach.Core.Answers;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Safety;
using ChatCoach.Core.Scripts;
using ChatCoach.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChatCoach.Storage.Tests;

/// <summary>The store's contract, run on every provider (<see cref="SqliteSessionStoreTests"/>, <see cref="PostgresSessionStoreTests"/>).</summary>
public abstract class SessionStoreTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private TempDatabase _db = null!;

    private protected TempDatabase Db => _db;

    public async Task InitializeAsync() => _db = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    private protected abstract Task<TempDatabase> CreateDatabaseAsync();

    /// <summary>Runs a query returning one number on a connection of its own, as another process would.</summary>
    protected abstract Task<long> CountAsync(string sql);

    /// <summary>Every (table, column) of the migrated database.</summary>
    protected abstract Task<IReadOnlyList<(string Table, string Column)>> ColumnsAsync();

    /// <summary>Checks that nothing of an erased user is left where the provider keeps it.</summary>
    protected abstract Task AssertErasedAsync(params string[] secrets);

    private static Session NewSession(string user = "alice")
    {
        var session = Session.New("test", user, "coach", "v1", Now);
        session.Node = "usce";
        session.Turn = 4;
        session.Answers["graduation_year"] = AnswerValue.Of(2015);
        session.Answers["research"] = AnswerValue.Of(true);
        session.Answers["specialty"] = AnswerValue.Of("xylophonic neurology");
        session.Answers["school"] = AnswerValue.Unknown;
        session.History.AddRange(["graduation_year", "research"]);
        session.Tries = 2;
        session.Pending = Command.Forget;
        session.Paused = true;
        session.SafetyQuestion = SafetyQuestion.HarmingYourself;
        session.PauseNoted = true;
        return session;
    }

    [SkippableFact]
    public async Task A_saved_session_loads_back_with_every_value_and_type()
    {
        var session = NewSession();

        Assert.Equal(SaveResult.Saved, await _db.Store.SaveAsync(new SavedTurn(session, "e1", TurnOutcome.Answered, null), default));
        var loaded = await _db.Store.LoadAsync("test", "alice", default);

        Assert.NotNull(loaded);
        Assert.Equal(session.Answers, loaded.Answers);
        Assert.Equal(AnswerValueType.Number, loaded.Answers["graduation_year"].Type);
        Assert.Equal(AnswerValueType.Boolean, loaded.Answers["research"].Type);
        Assert.True(loaded.Answers["school"].IsUnknown);
        Assert.Equal(["graduation_year", "research"], loaded.History);
        Assert.Equal(("usce", 4, 2, Command.Forget, true), (loaded.Node, loaded.Turn, loaded.Tries, loaded.Pending, loaded.Paused));
        Assert.Equal((SafetyQuestion.HarmingYourself, true), (loaded.SafetyQuestion, loaded.PauseNoted));
        Assert.Equal(("coach", "v1"), (loaded.ScriptId, loaded.ScriptVersion));
        Assert.Equal(1, loaded.Revision);
    }

    [SkippableFact]
    public async Task An_unknown_user_has_no_session()
    {
        Assert.Null(await _db.Store.LoadAsync("test", "nobody", default));
    }

    [SkippableFact]
    public async Task A_save_from_a_stale_copy_is_a_conflict_and_changes_nothing()
    {
        await _db.Store.SaveAsync(new SavedTurn(NewSession(), null, TurnOutcome.Answered, null), default);
        var first = (await _db.Store.LoadAsync("test", "alice", default))!;
        var second = (await _db.Store.LoadAsync("test", "alice", default))!;

        first.Node = "research";
        Assert.Equal(SaveResult.Saved, await _db.Store.SaveAsync(new SavedTurn(first, null, TurnOutcome.Answered, null), default));
        second.Node = "specialty";
        Assert.Equal(SaveResult.Conflict, await _db.Store.SaveAsync(new SavedTurn(second, null, TurnOutcome.Answered, null), default));

        Assert.Equal("research", (await _db.Store.LoadAsync("test", "alice", default))!.Node);
    }

    [SkippableFact]
    public async Task Two_new_sessions_for_the_same_user_conflict()
    {
        Assert.Equal(SaveResult.Saved, await _db.Store.SaveAsync(new SavedTurn(NewSession(), null, TurnOutcome.Opened, null), default));
        Assert.Equal(SaveResult.Conflict, await _db.Store.SaveAsync(new SavedTurn(NewSession(), null, TurnOutcome.Opened, null), default));
    }

    [SkippableFact]
    public async Task A_conflicting_save_leaves_its_event_unhandled_so_the_retry_can_save_it()
    {
        await _db.Store.SaveAsync(new SavedTurn(NewSession(), "first", TurnOutcome.Answered, null), default);

        var result = await _db.Store.SaveAsync(new SavedTurn(NewSession(), "second", TurnOutcome.Answered, null), default);

        Assert.Equal(SaveResult.Conflict, result);
        Assert.False((await _db.Store.StartTurnAsync("discord", "anyone", "second", default)).Handled);
        var reloaded = (await _db.Store.LoadAsync("test", "alice", default))!;
        Assert.Equal(SaveResult.Saved, await _db.Store.SaveAsync(new SavedTurn(reloaded, "second", TurnOutcome.Answered, null), default));
    }

    [SkippableFact]
    public async Task A_turn_starts_from_the_session_when_its_event_is_new_and_from_nothing_when_it_was_handled()
    {
        await _db.Store.SaveAsync(new SavedTurn(NewSession(), "event-1", TurnOutcome.Answered, null), default);

        var fresh = await _db.Store.StartTurnAsync("test", "alice", "event-2", default);
        var withoutId = await _db.Store.StartTurnAsync("test", "alice", null, default);
        var stranger = await _db.Store.StartTurnAsync("test", "bob", "event-3", default);
        var duplicate = await _db.Store.StartTurnAsync("test", "alice", "event-1", default);

        Assert.False(fresh.Handled);
        Assert.Equal(("usce", 1L), (fresh.Session!.Node, fresh.Session.Revision));
        Assert.Equal("usce", withoutId.Session!.Node);
        Assert.Equal(new TurnStart(false, null), stranger);
        Assert.Equal(new TurnStart(true, null), duplicate);
    }

    [SkippableFact]
    public async Task An_event_id_is_saved_once_and_a_second_save_with_it_is_a_duplicate()
    {
        var session = NewSession();
        await _db.Store.SaveAsync(new SavedTurn(session, "event-7", TurnOutcome.Answered, null), default);
        var again = (await _db.Store.LoadAsync("test", "alice", default))!;
        again.Node = "elsewhere";

        var result = await _db.Store.SaveAsync(new SavedTurn(again, "event-7", TurnOutcome.Answered, null), default);

        Assert.Equal(SaveResult.Duplicate, result);
        Assert.True((await _db.Store.StartTurnAsync("discord", "anyone", "event-7", default)).Handled);
        Assert.Equal("usce", (await _db.Store.LoadAsync("test", "alice", default))!.Node);
    }

    [SkippableFact]
    public async Task Erase_leaves_no_row_and_no_byte_of_the_user_on_disk()
    {
        var transcript = new[] { new TranscriptLine(true, "my secret worry about quokkas", Now) };
        await _db.Store.SaveAsync(new SavedTurn(NewSession("zebediah-the-user"), "ev-zebediah", TurnOutcome.Answered, transcript), default);
        await _db.Store.SaveAsync(new SavedTurn(NewSession("bob"), null, TurnOutcome.Answered, null), default);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM transcripts WHERE \"Text\" LIKE '%quokkas%'"));

        await _db.Store.EraseAsync("test", "zebediah-the-user", default);

        Assert.Null(await _db.Store.LoadAsync("test", "zebediah-the-user", default));
        Assert.NotNull(await _db.Store.LoadAsync("test", "bob", default));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM handled_events") + await CountAsync("SELECT COUNT(*) FROM transcripts"));
        await AssertErasedAsync("zebediah", "quokkas");
    }

    [SkippableFact]
    public async Task Turns_count_into_the_funnel_without_naming_anyone()
    {
        var session = NewSession("kim");
        await _db.Store.SaveAsync(new SavedTurn(session, null, TurnOutcome.Reasked, null) { FromNode = "usce" }, default);
        session.Node = "research";
        await _db.Store.SaveAsync(new SavedTurn(session, null, TurnOutcome.Answered, null) { FromNode = "usce" }, default);
        await _db.Store.EraseAsync("test", "kim", default);

        Assert.Equal(1, await CountAsync("SELECT \"Count\" FROM funnel_counts WHERE \"Node\" = 'usce' AND \"Event\" = 'Reasked'"));
        Assert.Equal(1, await CountAsync("SELECT \"Count\" FROM funnel_counts WHERE \"Node\" = 'usce' AND \"Event\" = 'Answered'"));
        Assert.Equal(1, await CountAsync("SELECT \"Count\" FROM funnel_counts WHERE \"Node\" = 'research' AND \"Event\" = 'Entered'"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM funnel_counts WHERE \"Event\" = 'Entered' AND \"Node\" = 'usce'"));
    }

    [SkippableFact]
    public async Task Handled_event_ids_are_forgotten_after_a_week_and_not_before()
    {
        Assert.True(await _db.Store.ClaimAsync("test", "lee", "old-event", Now.AddDays(-8), default));
        Assert.True(await _db.Store.ClaimAsync("test", "lee", "recent-event", Now.AddDays(-6), default));

        var pruned = await new HandledEventPruner(_db.Options).PruneAsync(Now, default);

        Assert.Equal(1, pruned);
        Assert.False((await _db.Store.StartTurnAsync("discord", "anyone", "old-event", default)).Handled);
        Assert.True((await _db.Store.StartTurnAsync("discord", "anyone", "recent-event", default)).Handled);
        Assert.False(await _db.Store.ClaimAsync("test", "lee", "recent-event", Now, default));
    }

    [SkippableFact]
    public async Task Turns_saved_at_once_are_each_decided_on_their_own_within_a_shared_transaction()
    {
        // Saves started together are written in shared transactions (group commit); a conflict or a duplicate
        // among them must leave the others saved.
        await _db.Store.SaveAsync(new SavedTurn(NewSession("old"), "old-event", TurnOutcome.Answered, null), default);
        var saves = new List<Task<SaveResult>>();
        for (var i = 0; i < 40; i++)
        {
            saves.Add(_db.Store.SaveAsync(new SavedTurn(NewSession($"user{i}"), $"event{i}", TurnOutcome.Answered, null) { FromNode = "research" }, default));
        }

        var stale = _db.Store.SaveAsync(new SavedTurn(NewSession("old"), null, TurnOutcome.Answered, null), default);
        var redelivered = _db.Store.SaveAsync(new SavedTurn(NewSession("other"), "old-event", TurnOutcome.Answered, null), default);
        var results = await Task.WhenAll(saves);

        Assert.All(results, r => Assert.Equal(SaveResult.Saved, r));
        Assert.Equal(SaveResult.Conflict, await stale);
        Assert.Equal(SaveResult.Duplicate, await redelivered);
        Assert.Null(await _db.Store.LoadAsync("test", "other", default));
        Assert.Equal(40, await CountAsync("SELECT COUNT(*) FROM sessions WHERE \"UserId\" LIKE 'user%' AND \"Revision\" = 1"));
        Assert.Equal(41, await CountAsync("SELECT COUNT(*) FROM handled_events"));
        Assert.Equal(40, await CountAsync("SELECT \"Count\" FROM funnel_counts WHERE \"Node\" = 'research' AND \"Event\" = 'Answered'"));
        // The 40 new sessions and "old" entered usce; the conflict and the duplicate counted nothing.
        Assert.Equal(41, await CountAsync("SELECT \"Count\" FROM funnel_counts WHERE \"Node\" = 'usce' AND \"Event\" = 'Entered'"));
    }

    [SkippableFact]
    public async Task A_save_has_committed_when_it_returns()
    {
        var saves = Enumerable.Range(0, 20).Select(async i =>
        {
            var session = NewSession($"u{i}");
            var result = await _db.Store.SaveAsync(new SavedTurn(session, null, TurnOutcome.Answered, null), default);

            // Another connection, as another process would open it, already sees the row.
            Assert.Equal(SaveResult.Saved, result);
            Assert.Equal(1, session.Revision);
            Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM sessions WHERE \"UserId\" = 'u{i}'"));
        });

        await Task.WhenAll(saves);
    }

    [SkippableFact]
    public async Task Transcripts_are_written_with_their_turn_and_only_when_given()
    {
        var lines = new[] { new TranscriptLine(true, "hello", Now), new TranscriptLine(false, "Hi! Five quick questions.", Now) };
        await _db.Store.SaveAsync(new SavedTurn(NewSession("tia"), null, TurnOutcome.Opened, lines), default);
        await _db.Store.SaveAsync(new SavedTurn(NewSession("uma"), null, TurnOutcome.Opened, null), default);

        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM transcripts WHERE \"UserId\" = 'tia'"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM transcripts WHERE \"UserId\" = 'tia' AND \"FromUser\" = TRUE AND \"Text\" = 'hello'"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM transcripts WHERE \"UserId\" = 'uma'"));
    }

    [SkippableFact]
    public async Task Table_and_column_names_agree_between_the_schema_the_ef_model_and_the_migrated_database()
    {
        var fromSchema = typeof(Schema).GetNestedTypes()
            .SelectMany(t => t.GetFields().Where(f => f.IsLiteral && f.Name != "Table")
                .Select(f => ((string)t.GetField("Table")!.GetValue(null)!, (string)f.GetValue(null)!)))
            .Order().ToList();
        await using var context = new CoachContexts(_db.Options).Create();
        var fromModel = context.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (e.GetTableName()!, p.GetColumnName())))
            .Order().ToList();
        var fromDatabase = (await ColumnsAsync()).Where(c => !c.Table.StartsWith("__EF", StringComparison.Ordinal)).Order().ToList();

        Assert.Equal(fromSchema, fromModel);
        Assert.Equal(fromSchema, fromDatabase);
        Assert.All(Schema.UserTables, table => Assert.Contains((table, Schema.Sessions.UserId), fromSchema));
    }

    [SkippableFact]
    public async Task Two_replicas_given_the_same_events_at_once_save_each_turn_once_in_order()
    {
        await using var other = _db.Replica("replica-b");
        var users = Enumerable.Range(0, 30).Select(i => $"twin{i}").ToList();
        for (var step = 1; step <= 4; step++)
        {
            // Both replicas load the same revision and race to save the same event.
            var races = users.Select(async user =>
            {
                var results = await Task.WhenAll(new[] { _db.Store, other.Store }.Select(async store =>
                {
                    var session = await store.LoadAsync("test", user, default) ?? NewSession(user);
                    session.Turn = step;
                    return await store.SaveAsync(new SavedTurn(session, $"{user}-event-{step}", TurnOutcome.Answered, null), default);
                }));
                return results;
            });

            foreach (var results in await Task.WhenAll(races))
            {
                Assert.Equal(1, results.Count(r => r == SaveResult.Saved));
                Assert.DoesNotContain(SaveResult.Saved, results.Where(r => r != SaveResult.Saved));
            }
        }

        foreach (var user in users)
        {
            var session = (await _db.Store.LoadAsync("test", user, default))!;
            Assert.Equal((4, 4L), (session.Turn, session.Revision));
        }

        Assert.Equal(120, await CountAsync("SELECT COUNT(*) FROM handled_events"));
    }

    [SkippableFact]
    public async Task The_live_version_of_each_script_is_its_newest_activation_by_any_replica_and_the_audit_names_the_replica()
    {
        await using var other = _db.Replica("replica-b");
        await KeepAndActivateAsync(_db.History, "coach", "v1", Now);
        await KeepAndActivateAsync(other.History, "coach", "v2", Now.AddMinutes(1));
        await KeepAndActivateAsync(_db.History, "sample", "s1", Now.AddMinutes(2));
        await _db.History.RecordAsync(new Activation(Now.AddMinutes(3), "mod", "coach", "v2", "v3", Succeeded: false, "broken"), default);

        var live = await _db.History.LiveVersionsAsync(default);

        Assert.Equal([("coach", "v2"), ("sample", "s1")], live.Select(v => (v.ScriptId, v.Version)).Order().ToList());
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM activations WHERE \"Replica\" = 'replica-b' AND \"ToVersion\" = 'v2'"));
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM activations WHERE \"Replica\" = 'test-replica'"));
    }

    [SkippableFact]
    public async Task A_migrated_database_is_ready_and_a_fresh_one_is_not()
    {
        Assert.Null(await new DatabaseMigrator(_db.Options).ProblemAsync(default));
    }

    [SkippableFact]
    public async Task Every_replica_asking_to_run_a_job_either_leads_or_not_and_the_leader_keeps_leading()
    {
        Assert.True(await _db.Election.LeadsAsync(HandledEventPruner.Job, default));
        Assert.True(await _db.Election.LeadsAsync(HandledEventPruner.Job, default));
    }

    [SkippableFact]
    public async Task A_lease_has_one_holder_until_it_expires_and_the_next_holder_gets_the_state_left_with_it()
    {
        var leases = Db.Leases;
        var lease = "discord-shard-0";

        Assert.Equal(new LeaseGrant(null), await leases.TryTakeAsync(lease, "a", Now, Now.AddSeconds(30), default));
        Assert.Null(await leases.TryTakeAsync(lease, "b", Now.AddSeconds(10), Now.AddSeconds(40), default));
        Assert.True(await leases.RenewAsync(lease, "a", Now.AddSeconds(50), """{"seq":7}""", default));
        Assert.Null(await leases.TryTakeAsync(lease, "b", Now.AddSeconds(45), Now.AddSeconds(75), default));

        var taken = await leases.TryTakeAsync(lease, "b", Now.AddSeconds(51), Now.AddSeconds(81), default);

        Assert.Equal("""{"seq":7}""", taken?.State);
        Assert.False(await leases.RenewAsync(lease, "a", Now.AddSeconds(80), null, default));
        await leases.ReleaseAsync(lease, "b", Now.AddSeconds(60), """{"seq":9}""", default);
        Assert.Equal("""{"seq":9}""", (await leases.TryTakeAsync(lease, "a", Now.AddSeconds(61), Now.AddSeconds(91), default))?.State);
    }

    private static async Task KeepAndActivateAsync(IScriptHistory history, string id, string version, DateTimeOffset at)
    {
        var script = (await ScriptLoader.LoadFileAsync(Path.Combine(RepositoryPaths.Dialogs, "coach.yaml"))).Script!;
        await history.KeepAsync(script with { Id = id, Version = version }, script.Source, default);
        await history.RecordAsync(new Activation(at, "mod", id, null, version, Succeeded: true, "ok"), default);
    }
}
