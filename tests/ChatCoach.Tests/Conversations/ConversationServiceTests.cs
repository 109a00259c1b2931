using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;
using ChatCoach.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatCoach.Tests.Conversations;

/// <summary>The conversation service on the real engine, the sample script and a real SQLite file.</summary>
public sealed class ConversationServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;
    private ScriptCatalog _catalog = null!;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        var sample = await ScriptLoader.LoadFileAsync(Path.Combine(RepositoryPaths.Dialogs, "sample.yaml"));
        _catalog = new ScriptCatalog([sample.Script!], "sample");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ConversationService NewService(bool transcripts = false) => new(_catalog, _db.Store, _time,
        Options.Create(new PrivacyOptions { StoreTranscripts = transcripts }), NullLogger<ConversationService>.Instance);

    private static Inbound Message(string user, string text, string? eventId = null) => new("test", user, Input.Message(text), eventId);

    [Fact]
    public async Task Every_turn_is_saved_before_its_replies_are_returned()
    {
        var service = NewService();

        await service.HandleAsync(Message("ann", "hi"), default);
        var reply = await service.HandleAsync(Message("ann", "2015"), default);

        var saved = await _db.Store.LoadAsync("test", "ann", default);
        Assert.Equal(TurnOutcome.Answered, reply.Outcome);
        Assert.Equal("step1_attempts", saved!.Node);
        Assert.Equal(2015, saved.Answers["graduation_year"].Number);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_answered_once()
    {
        var service = NewService();
        await service.HandleAsync(Message("ben", "hi", "m1"), default);

        var first = await service.HandleAsync(Message("ben", "2015", "m2"), default);
        var again = await service.HandleAsync(Message("ben", "2015", "m2"), default);

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Empty(again.Replies);
        Assert.Equal("step1_attempts", (await _db.Store.LoadAsync("test", "ben", default))!.Node);
    }

    [Fact]
    public async Task Two_hosts_on_one_database_answer_a_redelivered_event_once()
    {
        var hostA = NewService();
        var hostB = NewService();
        await hostA.HandleAsync(Message("cat", "hi", "e0"), default);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? hostA : hostB).HandleAsync(Message("cat", "2015", "e1"), default)));

        Assert.Equal(1, results.Count(r => !r.Duplicate));
        Assert.Equal("step1_attempts", (await _db.Store.LoadAsync("test", "cat", default))!.Node);
    }

    [Fact]
    public async Task Messages_sent_quickly_are_handled_in_order_and_none_is_lost()
    {
        var service = NewService();
        await service.HandleAsync(Message("dan", "hi"), default);

        var answers = new[] { "2012", "twice", "yes", "observership", "nope" };
        var turns = answers.Select((a, i) => service.HandleAsync(Message("dan", a, $"d{i}"), default)).ToList();
        var results = await Task.WhenAll(turns);

        var session = await _db.Store.LoadAsync("test", "dan", default);
        Assert.All(results, r => Assert.NotEqual(TurnOutcome.Reasked, r.Outcome));
        Assert.Equal("plan", session!.Node);
        Assert.Equal(["graduation_year", "step1_attempts", "step1_passed", "usce", "research"], session.History);
        Assert.Equal(TurnOutcome.Completed, results[^1].Outcome);
    }

    [Fact]
    public async Task Concurrent_turns_from_two_hosts_for_one_user_lose_no_answer()
    {
        var hostA = NewService();
        var hostB = NewService();
        await hostA.HandleAsync(Message("eve", "hi"), default);
        await hostA.HandleAsync(Message("eve", "2012"), default);

        // Both hosts race on the same session; optimistic concurrency makes the loser reload and retry.
        await Task.WhenAll(hostA.HandleAsync(Message("eve", "/plan", "p1"), default), hostB.HandleAsync(Message("eve", "3", "p2"), default));

        var session = await _db.Store.LoadAsync("test", "eve", default);
        Assert.Equal(3, session!.Answers["step1_attempts"].Number);
        Assert.Equal(2012, session.Answers["graduation_year"].Number);
    }

    [Fact]
    public async Task Forget_erases_the_user_and_the_next_message_starts_fresh()
    {
        var service = NewService(transcripts: true);
        await service.HandleAsync(Message("fay", "hi"), default);
        await service.HandleAsync(Message("fay", "2015"), default);

        await service.HandleAsync(Message("fay", "/forget"), default);
        var erased = await service.HandleAsync(Message("fay", "yes"), default);

        Assert.Equal(TurnOutcome.Forgotten, erased.Outcome);
        Assert.Null(await _db.Store.LoadAsync("test", "fay", default));
        Assert.Equal(TurnOutcome.Opened, (await service.HandleAsync(Message("fay", "hello again"), default)).Outcome);
    }

    [Fact]
    public async Task Raw_messages_are_not_stored_unless_transcripts_are_on()
    {
        await NewService().HandleAsync(Message("gus", "my very private remark"), default);
        Assert.DoesNotContain("my very private remark", System.Text.Encoding.UTF8.GetString(_db.AllBytes()));

        await NewService(transcripts: true).HandleAsync(Message("hal", "another private remark"), default);
        Assert.Contains("another private remark", System.Text.Encoding.UTF8.GetString(_db.AllBytes()));
    }

    [Fact]
    public async Task A_session_on_a_version_no_longer_loaded_moves_to_the_live_one_at_the_same_question()
    {
        await NewService().HandleAsync(Message("ida", "hi"), default);
        await NewService().HandleAsync(Message("ida", "2015"), default);
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Dialogs, "sample.yaml"));
        var edited = ScriptLoader.Load("sample.yaml", sample.Replace("How many times have you taken", "How often did you sit", StringComparison.Ordinal)).Script!;
        _catalog = new ScriptCatalog([edited], "sample");

        var reply = await NewService().HandleAsync(new Inbound("test", "ida", Input.Open()), default);

        Assert.Contains("How often did you sit", reply.Replies[^1].Text);
        var session = await _db.Store.LoadAsync("test", "ida", default);
        Assert.Equal(edited.Version, session!.ScriptVersion);
        Assert.Equal(2015, session.Answers["graduation_year"].Number);
    }

    [Fact]
    public async Task A_session_whose_question_was_removed_continues_at_the_first_open_question_keeping_answers()
    {
        var service = NewService();
        await service.HandleAsync(Message("jo", "hi"), default);
        await service.HandleAsync(Message("jo", "2015"), default);
        await service.HandleAsync(Message("jo", "2"), default);
        Assert.Equal("step1_passed", (await _db.Store.LoadAsync("test", "jo", default))!.Node);
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Dialogs, "sample.yaml"));
        var edited = ScriptLoader.Load("sample.yaml", sample
            .Replace("        goto: step1_passed", "        goto: usce", StringComparison.Ordinal)
            .Replace("  step1_passed:\n    ask: \"Have you passed Step 1 now?\"\n    kind: yesno\n    store: step1_passed\n    topic: Step 1 result\n    reask: \"Please answer yes or no.\"\n    next: usce\n", string.Empty, StringComparison.Ordinal)
            .Replace("{ all: [ { step1_attempts: { gte: 1 } }, { step1_passed: false } ] }", "{ step1_attempts: { gte: 1 } }", StringComparison.Ordinal));
        Assert.True(edited.Succeeded, string.Join("\n", edited.Problems));
        _catalog = new ScriptCatalog([edited.Script!], "sample");

        var reply = await NewService().HandleAsync(Message("jo", "observership"), default);

        var session = await _db.Store.LoadAsync("test", "jo", default);
        Assert.Equal("research", session!.Node);
        Assert.Equal("observership", session.Answers["usce"].Text);
        Assert.Equal(2, session.Answers["step1_attempts"].Number);
        Assert.Equal(TurnOutcome.Answered, reply.Outcome);
    }
}
