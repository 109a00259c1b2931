using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Safety;
using ChatCoach.Core.Scripts;
using ChatCoach.Hosting;
using ChatCoach.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCoach.Tests.Scripts;

/// <summary>Live reload on a real dialogs folder and a real database: what goes live, what is refused, where sessions go.</summary>
public sealed class LiveScriptsTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("chatcoach-live-");
    private string _dialogs = string.Empty;
    private TempDatabase _db = null!;
    private LiveScripts _live = null!;

    private string SampleFile => Path.Combine(_dialogs, "sample.yaml");

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        _dialogs = _folder.CopyDialogs("sample.yaml", goldens: "sample-*.yaml");

        _live = NewLive();
        Assert.False((await _live.ReloadAsync("startup", default)).Failed);
    }

    public async Task DisposeAsync()
    {
        _live.Dispose();
        await _db.DisposeAsync();
        _folder.Dispose();
    }

    private LiveScripts NewLive() => new(new DialogsOptions { Path = _dialogs, Default = "sample" }, _db.History, TimeProvider.System,
        NullLogger<LiveScripts>.Instance);

    private ConversationService Service(LiveScripts live) =>
        new(live, _db.Store, TimeProvider.System, Options.Create(new PrivacyOptions()), NullLogger<ConversationService>.Instance);

    private async Task<TurnResponse> SayAsync(string user, string text, LiveScripts? live = null) =>
        await Service(live ?? _live).HandleAsync(new Inbound("test", user, Input.Message(text)), default);

    private async Task EditAsync(Func<string, string> edit) => await File.WriteAllTextAsync(SampleFile, edit(await File.ReadAllTextAsync(SampleFile)));

    [Fact]
    public async Task A_valid_change_goes_live_for_new_sessions_and_is_audited()
    {
        var before = _live.Live.Default.Script.Version;
        await EditAsync(s => s.Replace("Have you done any research?", "Any research projects so far?", StringComparison.Ordinal));

        var report = await _live.ReloadAsync("file change", default);

        Assert.Equal(ReloadOutcome.Activated, Assert.Single(report.Lines).Outcome);
        Assert.Contains("Any research projects so far?", _live.Live.Default.Script.Nodes["research"].Text);
        var audit = (await _db.History.ActivationsAsync(1, default))[0];
        Assert.Equal(("file change", "sample", before, _live.Live.Default.Script.Version, true),
            (audit.Actor, audit.ScriptId, audit.FromVersion, audit.ToVersion, audit.Succeeded));
    }

    [Fact]
    public async Task A_broken_file_is_refused_with_file_line_and_reason_and_the_old_version_keeps_serving()
    {
        var before = _live.Live.Default.Script.Version;
        await EditAsync(s => s.Replace("next: research", "next: reserch", StringComparison.Ordinal));

        var report = await _live.ReloadAsync("file change", default);

        var line = Assert.Single(report.Lines);
        Assert.Equal(ReloadOutcome.Refused, line.Outcome);
        Assert.Matches(@"sample\.yaml\(\d+,\d+\): error CC010: .*'reserch'", line.Result);
        Assert.Equal(before, _live.Live.Default.Script.Version);
        Assert.Contains("What year did you graduate", string.Join("\n", (await SayAsync("someone", "hi")).Replies.Select(r => r.Text)));
        Assert.False((await _db.History.ActivationsAsync(1, default))[0].Succeeded);
    }

    [Fact]
    public async Task A_change_that_breaks_a_golden_conversation_never_goes_live()
    {
        var before = _live.Live.Default.Script.Version;
        await EditAsync(s => s.Replace("How many times have you taken USMLE Step 1?", "Step 1 attempts?", StringComparison.Ordinal));

        var report = await _live.ReloadAsync("file change", default);

        Assert.Equal(ReloadOutcome.Refused, Assert.Single(report.Lines).Outcome);
        Assert.Contains("expected to contain", report.ToString());
        Assert.Equal(before, _live.Live.Default.Script.Version);
    }

    [Fact]
    public async Task A_script_whose_crisis_corpus_falls_below_the_bar_never_goes_live()
    {
        var before = _live.Live.Default.Script.Version;
        await EditAsync(s => s.Replace("\n  crisis:\n", "\n  crisis:\n    corpus: tests/crisis\n", StringComparison.Ordinal));

        var report = await _live.ReloadAsync("file change", default);

        Assert.Equal(ReloadOutcome.Refused, Assert.Single(report.Lines).Outcome);
        Assert.True(report.ToString().Contains("error CC072: crisis corpus heldout:", StringComparison.Ordinal), report.ToString());
        Assert.Contains("BELOW THE BAR", report.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, _live.Live.Default.Script.Version);
    }

    [Fact]
    public async Task A_session_whose_question_still_exists_moves_to_the_new_version()
    {
        await SayAsync("ann", "hi");
        await SayAsync("ann", "2015");
        await EditAsync(s => s.Replace("research:\n    ask: \"Have you done any research?\"", "research:\n    ask: \"Any research at all?\"", StringComparison.Ordinal));
        await _live.ReloadAsync("file change", default);

        var reply = await SayAsync("ann", "twice");

        var session = await _db.Store.LoadAsync("test", "ann", default);
        Assert.Equal(_live.Live.Default.Script.Version, session!.ScriptVersion);
        Assert.Equal(2, session.Answers["step1_attempts"].Number);
        Assert.Equal(TurnOutcome.Answered, reply.Outcome);
    }

    [Fact]
    public async Task A_session_whose_question_changed_kind_finishes_on_its_version_even_across_a_restart()
    {
        await SayAsync("bo", "hi");
        await SayAsync("bo", "2015");
        var started = (await _db.Store.LoadAsync("test", "bo", default))!.ScriptVersion;
        Directory.Delete(Path.Combine(_dialogs, "tests"), recursive: true); // the goldens test the old question
        await EditAsync(s => s.Replace("    kind: count\n    store: step1_attempts", "    kind: yesno\n    store: step1_attempts", StringComparison.Ordinal)
            .Replace("    min: 0\n    max: 4\n", string.Empty, StringComparison.Ordinal)
            .Replace("{ step1_attempts: { gte: 1 } }", "{ step1_attempts: true }", StringComparison.Ordinal)
            .Replace("{ all: [ { step1_attempts: { gte: 1 } }, { step1_passed: false } ] }", "{ step1_passed: false }", StringComparison.Ordinal));
        var report = await _live.ReloadAsync("file change", default);
        Assert.Equal(ReloadOutcome.Activated, Assert.Single(report.Lines).Outcome);

        using var restarted = NewLive();
        await restarted.ReloadAsync("startup", default);
        var reply = await SayAsync("bo", "twice", restarted);

        var session = await _db.Store.LoadAsync("test", "bo", default);
        Assert.Equal(TurnOutcome.Answered, reply.Outcome);
        Assert.Equal(started, session!.ScriptVersion);
        Assert.Equal(2, session.Answers["step1_attempts"].Number);
        Assert.Equal("step1_passed", session.Node);
    }

    [Fact]
    public async Task A_session_finishing_on_an_older_version_still_reads_risk_with_the_learned_reader()
    {
        const string OnlyTheReaderReads = "the glovebox has my ID and the letters tonight";
        Directory.Delete(Path.Combine(_dialogs, "tests"), recursive: true); // the goldens test the old question
        var part = Directory.CreateDirectory(Path.Combine(_dialogs, "tests", "examples", "part1")).FullName;
        await File.WriteAllLinesAsync(Path.Combine(part, "crisis.txt"),
            ["glovebox has my ID and the letters", "letters written tonight, ID in the glovebox", "tonight the letters and my ID", "the glovebox and the letters tonight"]);
        await File.WriteAllLinesAsync(Path.Combine(part, "none.txt"),
            ["2015", "twice", "I graduated in 2015", "what should I study", "I failed once", "no gaps", "yes", "no", "I want a plan", "research year"]);
        await EditAsync(s => s.Replace("\n  crisis:\n", "\n  crisis:\n    learned:\n      examples: tests/examples\n      model: models/risk.json\n      threshold: 0.6\n",
            StringComparison.Ordinal));
        var script = ScriptLoader.Load(SampleFile, await File.ReadAllTextAsync(SampleFile)).Script!;
        Directory.CreateDirectory(Path.Combine(_dialogs, "models"));
        await using (var model = File.Create(Path.Combine(_dialogs, "models", "risk.json")))
        {
            var examples = await CrisisCorpus.LoadAsync(Path.Combine(_dialogs, "tests", "examples"), default);
            await RiskModel.Train(script.Crisis, examples!).WriteAsync(model, default);
        }

        Assert.Equal(ReloadOutcome.Activated, Assert.Single((await _live.ReloadAsync("file change", default)).Lines).Outcome);
        await SayAsync("bo", "hi");
        await SayAsync("bo", "2015");
        var started = (await _db.Store.LoadAsync("test", "bo", default))!.ScriptVersion;
        await EditAsync(s => s.Replace("    kind: count\n    store: step1_attempts", "    kind: yesno\n    store: step1_attempts", StringComparison.Ordinal)
            .Replace("    min: 0\n    max: 4\n", string.Empty, StringComparison.Ordinal)
            .Replace("{ step1_attempts: { gte: 1 } }", "{ step1_attempts: true }", StringComparison.Ordinal)
            .Replace("{ all: [ { step1_attempts: { gte: 1 } }, { step1_passed: false } ] }", "{ step1_passed: false }", StringComparison.Ordinal));
        Assert.Equal(ReloadOutcome.Activated, Assert.Single((await _live.ReloadAsync("file change", default)).Lines).Outcome);

        using var restarted = NewLive();
        await restarted.ReloadAsync("startup", default);
        var reply = await SayAsync("bo", OnlyTheReaderReads, restarted);

        Assert.Equal(started, (await _db.Store.LoadAsync("test", "bo", default))!.ScriptVersion);
        Assert.Equal(TurnOutcome.Crisis, reply.Outcome);
        Assert.Equal(SafetyLevel.None, SafetyClassifier.Compile(script.Crisis).Classifier.Classify(OnlyTheReaderReads));
    }

    [Fact]
    public async Task Rollback_by_hash_prefix_writes_the_version_back_and_makes_it_live()
    {
        var original = _live.Live.Default.Script;
        await EditAsync(s => s.Replace("Have you done any research?", "Any research projects so far?", StringComparison.Ordinal));
        await _live.ReloadAsync("file change", default);

        var report = await _live.RollbackAsync(original.Version[..7], "moderator-42", default);

        Assert.Equal(ReloadOutcome.Activated, Assert.Single(report.Lines).Outcome);
        Assert.Equal(original.Version, _live.Live.Default.Script.Version);
        Assert.Equal(original.Source, await File.ReadAllTextAsync(SampleFile));
        Assert.Equal("moderator-42", (await _db.History.ActivationsAsync(1, default))[0].Actor);
    }

    [Fact]
    public async Task Rollback_to_an_unknown_or_ambiguous_prefix_is_refused()
    {
        var report = await _live.RollbackAsync("ffffffffffff", "moderator-42", default);

        Assert.Equal(ReloadOutcome.Refused, Assert.Single(report.Lines).Outcome);
        Assert.Contains("no kept version", report.Lines[0].Result);
    }

    [Fact]
    public async Task A_submitted_script_is_checked_before_it_is_written()
    {
        var good = (await File.ReadAllTextAsync(SampleFile)).Replace("Have you done any research?", "Uploaded version: any research?", StringComparison.Ordinal);
        var bad = good.Replace("kind: yesno", "kind: maybe", StringComparison.Ordinal);

        var refused = await _live.SubmitAsync(bad, "moderator-7", default);
        Assert.True(refused.AnyRefused);
        Assert.DoesNotContain("Uploaded version", await File.ReadAllTextAsync(SampleFile));

        var accepted = await _live.SubmitAsync(good, "moderator-7", default);
        Assert.False(accepted.AnyRefused, accepted.ToString());
        Assert.Contains("Uploaded version", await File.ReadAllTextAsync(SampleFile));
        Assert.Contains("Uploaded version", _live.Live.Default.Script.Nodes["research"].Text);
    }

    [Fact]
    public async Task The_watcher_reloads_after_a_file_change()
    {
        using var watcher = new ScriptWatcher(_live, new DialogsOptions { Path = _dialogs, Default = "sample" }, NullLogger<ScriptWatcher>.Instance);
        await watcher.StartAsync(default);
        await Task.Delay(200);

        await EditAsync(s => s.Replace("Have you done any research?", "Watched change: any research?", StringComparison.Ordinal));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!_live.Live.Default.Script.Source.Contains("Watched change", StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        await watcher.StopAsync(default);
        Assert.Contains("Watched change", _live.Live.Default.Script.Source);
        Assert.Equal("file change", (await _db.History.ActivationsAsync(1, default))[0].Actor);
    }

    [Fact]
    public async Task Following_the_database_replaces_a_stale_copy_but_never_a_moderators_edit_no_host_has_served()
    {
        // Another replica, on the same database, makes version 2 live.
        using var other = new TempFolder("chatcoach-live-other-");
        var otherDialogs = other.CopyDialogs("sample.yaml", goldens: "sample-*.yaml");
        var otherFile = Path.Combine(otherDialogs, "sample.yaml");
        await File.WriteAllTextAsync(otherFile, (await File.ReadAllTextAsync(otherFile)).Replace("Have you done any research?", "Research, any?", StringComparison.Ordinal));
        using var otherLive = new LiveScripts(new DialogsOptions { Path = otherDialogs, Default = "sample" }, _db.History, TimeProvider.System, NullLogger<LiveScripts>.Instance);
        Assert.False((await otherLive.ReloadAsync("startup", default)).Failed);

        // Here, a moderator edits the file (a version never live anywhere) just before the database is followed.
        await EditAsync(s => s.Replace("Have you done any research?", "Any research projects so far?", StringComparison.Ordinal));
        await _live.FollowAsync("follower", default);
        Assert.Contains("Any research projects so far?", await File.ReadAllTextAsync(SampleFile));

        // A copy of a version that was live before is stale: following replaces it with what the others serve.
        await EditAsync(s => s.Replace("Any research projects so far?", "Have you done any research?", StringComparison.Ordinal));
        await _live.FollowAsync("follower", default);
        Assert.Contains("Research, any?", await File.ReadAllTextAsync(SampleFile));
        Assert.Contains("Research, any?", _live.Live.Default.Script.Nodes["research"].Text);
    }
}
