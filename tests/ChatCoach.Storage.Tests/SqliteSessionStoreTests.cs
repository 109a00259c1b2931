using System.Text;
using ChatCoach.Core.Answers;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Safety;
using ChatCoach.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ChatCoach.Storage.Tests;

public sealed class SqliteSessionStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private TempDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static Session NewSession(string user = "alice")
    {
        var session = Session.New("test", user, "coach", "v1", Now);
        session.Node = "usce";
        session.Turn = 4;
        session.Answers["graduation_year"] = AnswerValue.Of(2015);
        session.Answers["research"] = AnswerValue.Of(true);
        session.Answers["specialty"] = AnswerValue.Of("xylophonic neurology");
        session.History.AddRange(["graduation_year", "research"]);
        session.Tries = 2;
        session.Pending = Command.Forget;
        session.Paused = true;
        session.SafetyQuestion = SafetyQuestion.HarmingYourself;
        session.PauseNoted = true;
        return session;
    }

    [Fact]
    public async Task A_saved_session_loads_back_with_every_value_and_type()
    {
        var session = NewSession();

        Assert.Equal(SaveResult.Saved, await _db.Store.SaveAsync(new SavedTurn(session, "e1", TurnOutcome.Answered, null), default));
        var loaded = await _db.Store.LoadAsync("test", "alice", default);

        Assert.NotNull(loaded);
        Assert.Equal(session.Answers, loaded.Answers);
        Assert.Equal(AnswerValueType.Number, loaded.Answers["graduation_year"].Type);
        Assert.Equal(AnswerValueType.Boolean, loaded.Answers["research"].Type);
        Assert.Equal(["graduation_year", "research"], loaded.History);
        Assert.Equal(("usce", 4, 2, Command.Forget, true), (loaded.Node, loaded.Turn, loaded.Tries, loaded.Pending, loaded.Paused));
        Assert.Equal((SafetyQuestion.HarmingYourself, true), (loaded.SafetyQuestion, loaded.PauseNoted));
        Assert.Equal(("coach", "v1"), (loaded.ScriptId, loaded.ScriptVersion));
        Assert.Equal(1, loaded.Revision);
    }

    [Fact]
    public async Task An_unknown_user_has_no_session()
    {
        Assert.Null(await _db.Store.LoadAsync("test", "nobody", default));
    }

    [Fact]
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

    [Fact]
    public async Task Two_new_sessions_for_the_same_user_conflict()
    {
        Assert.Equal(SaveResult.Saved, await _db.Store.SaveAsync(new SavedTurn(NewSession(), null, TurnOutcome.Opened, null), default));
        Assert.Equal(SaveResult.Conflict, await _db.Store.SaveAsync(new SavedTurn(NewSession(), null, TurnOutcome.Opened, null), default));
    }

    [Fact]
    public async Task A_conflicting_save_leaves_its_event_unhandled_so_the_retry_can_save_it()
    {
        await _db.Store.SaveAsync(new SavedTurn(NewSession(), "first", TurnOutcome.Answered, null), default);

        var result = await _db.Store.SaveAsync(new SavedTurn(NewSession(), "second", TurnOutcome.Answered, null), default);

        Assert.Equal(SaveResult.Conflict, result);
        Assert.False(await _db.Store.WasHandledAsync("second", default));
        var reloaded = (await _db.Store.LoadAsync("test", "alice", default))!;
        Assert.Equal(SaveResult.Saved, await _db.Store.SaveAsync(new SavedTurn(reloaded, "second", TurnOutcome.Answered, null), default));
    }

    [Fact]
    public async Task An_event_id_is_saved_once_and_a_second_save_with_it_is_a_duplicate()
    {
        var session = NewSession();
        await _db.Store.SaveAsync(new SavedTurn(session, "event-7", TurnOutcome.Answered, null), default);
        var again = (await _db.Store.LoadAsync("test", "alice", default))!;
        again.Node = "elsewhere";

        var result = await _db.Store.SaveAsync(new SavedTurn(again, "event-7", TurnOutcome.Answered, null), default);

        Assert.Equal(SaveResult.Duplicate, result);
        Assert.True(await _db.Store.WasHandledAsync("event-7", default));
        Assert.Equal("usce", (await _db.Store.LoadAsync("test", "alice", default))!.Node);
    }

    [Fact]
    public async Task Erase_leaves_no_row_and_no_byte_of_the_user_on_disk()
    {
        var transcript = new[] { new TranscriptLine(true, "my secret worry about quokkas", Now) };
        await _db.Store.SaveAsync(new SavedTurn(NewSession("zebediah-the-user"), "ev-zebediah", TurnOutcome.Answered, transcript), default);
        await _db.Store.SaveAsync(new SavedTurn(NewSession("bob"), null, TurnOutcome.Answered, null), default);
        Assert.Contains("quokkas", Encoding.UTF8.GetString(_db.AllBytes()));

        await _db.Store.EraseAsync("test", "zebediah-the-user", default);

        Assert.Null(await _db.Store.LoadAsync("test", "zebediah-the-user", default));
        Assert.NotNull(await _db.Store.LoadAsync("test", "bob", default));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM handled_events") + await CountAsync("SELECT COUNT(*) FROM transcripts"));
        var bytes = Encoding.UTF8.GetString(_db.AllBytes());
        Assert.DoesNotContain("zebediah", bytes);
        Assert.DoesNotContain("quokkas", bytes);
    }

    [Fact]
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

    [Fact]
    public async Task Handled_event_ids_are_forgotten_after_a_week_and_not_before()
    {
        Assert.True(await _db.Store.ClaimAsync("test", "lee", "old-event", Now.AddDays(-8), default));
        Assert.True(await _db.Store.ClaimAsync("test", "lee", "recent-event", Now.AddDays(-6), default));

        var pruned = await new HandledEventPruner(_db.Options).PruneAsync(Now, default);

        Assert.Equal(1, pruned);
        Assert.False(await _db.Store.WasHandledAsync("old-event", default));
        Assert.True(await _db.Store.WasHandledAsync("recent-event", default));
        Assert.False(await _db.Store.ClaimAsync("test", "lee", "recent-event", Now, default));
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_in_the_folder_it_created()
    {
        Assert.True(File.Exists(_db.File));
        await using var connection = new SqliteConnection(_db.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
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

    [Fact]
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

    [Fact]
    public async Task Transcripts_are_written_with_their_turn_and_only_when_given()
    {
        var lines = new[] { new TranscriptLine(true, "hello", Now), new TranscriptLine(false, "Hi! Five quick questions.", Now) };
        await _db.Store.SaveAsync(new SavedTurn(NewSession("tia"), null, TurnOutcome.Opened, lines), default);
        await _db.Store.SaveAsync(new SavedTurn(NewSession("uma"), null, TurnOutcome.Opened, null), default);

        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM transcripts WHERE \"UserId\" = 'tia'"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM transcripts WHERE \"UserId\" = 'tia' AND \"FromUser\" = 1 AND \"Text\" = 'hello'"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM transcripts WHERE \"UserId\" = 'uma'"));
    }

    [Theory]
    [InlineData(SqliteSynchronous.Normal, 1)]
    [InlineData(SqliteSynchronous.Full, 2)]
    public void The_store_connections_use_the_configured_synchronous_setting(SqliteSynchronous synchronous, long pragmaValue)
    {
        using var connection = SqliteConnections.Open(new DatabaseOptions { ConnectionString = _db.Options.ConnectionString, Synchronous = synchronous });
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        Assert.Equal(pragmaValue, (long)command.ExecuteScalar()!);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(_db.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
