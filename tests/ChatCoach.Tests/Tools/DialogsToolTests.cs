using ChatCoach.Tests.Shared;

namespace ChatCoach.Tests.Tools;

/// <summary>The moderators' command-line tools, run as the real executable.</summary>
public sealed class DialogsToolTests : IDisposable
{
    private readonly TempFolder _folder = new("chatcoach-tools-");

    private string CopyOfDialogs() => _folder.CopyDialogs(goldens: "*.yaml");

    [Fact]
    public async Task Validate_passes_the_repository_dialogs()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, string.Empty, "dialogs", "validate");

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Empty(run.Output);
        Assert.Contains("0 problem(s)", run.Errors);
    }

    [Fact]
    public async Task Validate_fails_when_the_configured_day_has_no_season()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, string.Empty, "dialogs", "validate", "--ChatCoach:Clock:Today=2029-01-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"coach\.yaml\(\d+,\d+\): error CC051: no season covers 2029-01-01", run.Output);
        Assert.Contains("checked on 2029-01-01", run.Errors);
    }

    [Fact]
    public async Task Validate_warns_but_passes_within_60_days_of_the_last_seasons_end()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, string.Empty, "dialogs", "validate", "--ChatCoach:Clock:Today=2028-08-01");

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Matches(@"coach\.yaml\(\d+,\d+\): warning CC051: the last season ends on 2028-09-20, 50 days after 2028-08-01", run.Output);
        Assert.Contains("0 problem(s), ", run.Errors);
        Assert.DoesNotContain(": error ", run.Output);
    }

    [Fact]
    public async Task Validate_warns_about_advice_not_reviewed_for_12_months()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, string.Empty, "dialogs", "validate", "--ChatCoach:Clock:Today=2028-01-10");

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Contains("warning CC053: advice 'verify' was last reviewed on 2026-12-04", run.Output);
    }

    [Fact]
    public async Task Test_runs_a_golden_without_a_day_on_the_configured_one()
    {
        var dialogs = _folder.CopyDialogs(scripts: "coach.yaml");
        var golden = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Dialogs, "tests", "coach-caribbean-next-season.yaml")))
            .Replace("today: 2027-10-01\n", string.Empty, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(dialogs, "tests", "coach-undated.yaml"), golden);

        var nextSeason = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "dialogs", "test", dialogs, "--ChatCoach:Clock:Today=2027-10-01");
        var thisSeason = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "dialogs", "test", dialogs);

        Assert.True(nextSeason.ExitCode == 0, nextSeason.Output + nextSeason.Errors);
        Assert.Equal(1, thisSeason.ExitCode);
        Assert.Contains("realistic Match expected 2029, but was 2028", thisSeason.Output);
    }

    [Fact]
    public async Task Validate_lists_every_problem_of_a_broken_copy_one_a_line_and_exits_1()
    {
        var dialogs = CopyOfDialogs();
        var sample = Path.Combine(dialogs, "sample.yaml");
        var text = await File.ReadAllTextAsync(sample);
        await File.WriteAllTextAsync(sample, text
            .Replace("next: research", "next: reserch", StringComparison.Ordinal)
            .Replace("kind: yesno", "kind: yes-no", StringComparison.Ordinal)
            .Replace("      - id: observership\n        label: Observership", "      - id: observership\n        label: None yet", StringComparison.Ordinal));

        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "dialogs", "validate", dialogs);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Matches(@"^.+sample\.yaml\(\d+,\d+\): error CC\d{3}: .+ Fix: .+$", l));
        Assert.Contains(lines, l => l.Contains("error CC010", StringComparison.Ordinal) && l.Contains("'reserch'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("error CC020", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("error CC023", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Test_replays_the_golden_conversations()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, string.Empty, "dialogs", "test");

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Contains("PASS", run.Output);
        Assert.DoesNotContain("FAIL", run.Output);
    }

    [Fact]
    public async Task Test_prints_a_readable_diff_for_a_failing_conversation_and_exits_1()
    {
        var dialogs = CopyOfDialogs();
        var sample = Path.Combine(dialogs, "sample.yaml");
        await File.WriteAllTextAsync(sample, (await File.ReadAllTextAsync(sample))
            .Replace("How many times have you taken USMLE Step 1?", "How many Step 1 attempts so far?", StringComparison.Ordinal));

        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "dialogs", "test", dialogs);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL", run.Output);
        Assert.Contains("expected to contain: \"How many times have you taken USMLE Step 1?\"", run.Output);
        Assert.Contains("| How many Step 1 attempts so far?", run.Output);
    }

    [Fact]
    public async Task Test_prints_the_crisis_corpus_figures_of_each_part()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, string.Empty, "dialogs", "test");

        Assert.Matches(@"crisis corpus of 'coach', heldout: \d+ crisis, \d+ concern, \d+ distress, \d+ none; crisis caught as crisis [\d.]+ ?% \(bar 99 ?%\), positives caught [\d.]+ ?% \(bar 97 ?%\), false alarms [\d.]+ ?% \(bar 3 ?%\)", run.Output);
        Assert.Contains("crisis corpus of 'coach', tuning:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("BELOW THE BAR", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_prints_the_level_of_each_message_one_a_line()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root,
            "I want to die\nthis exam is killing me\nI can't take this anymore\nI failed twice and I feel awful\n\nquiero morir\n", "dialogs", "classify");

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Equal(["crisis", "none", "concern", "distress", "none", "crisis"], run.Output.Split('\n', StringSplitOptions.TrimEntries)[..6]);
    }

    [Fact]
    public async Task Classify_with_why_names_the_pattern_that_decided_each_level()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, "I want to die\nwhat time is it\n", "dialogs", "classify", "--why");

        Assert.True(run.ExitCode == 0, run.Errors);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.StartsWith("crisis\t", lines[0], StringComparison.Ordinal);
        Assert.Contains("die", lines[0][7..], StringComparison.Ordinal);
        Assert.Equal("none", lines[1]);
    }

    [Fact]
    public async Task Classify_tries_a_draft_script_file_or_a_script_id()
    {
        var dialogs = CopyOfDialogs();
        var draft = Path.Combine(_folder.Path, "draft.yaml");
        await File.WriteAllTextAsync(draft, (await File.ReadAllTextAsync(Path.Combine(dialogs, "sample.yaml")))
            .Replace("patterns: [\"kill myself\"", "patterns: [\"exam .. killing me\", \"kill myself\"", StringComparison.Ordinal));

        var byFile = await ChatCoachProcess.RunAsync(_folder.Path, "this exam is killing me\n", "dialogs", "classify", "--script", draft);
        var byId = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, "this exam is killing me\n", "dialogs", "classify", "--script", "sample");

        Assert.Equal(("crisis", "none"), (byFile.Output.Trim(), byId.Output.Trim()));
    }

    [Fact]
    public async Task Classify_refuses_a_script_that_does_not_exist()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, "I want to die\n", "dialogs", "classify", "--script", "nope");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no valid script 'nope'", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_rebuilds_the_committed_model_byte_for_byte_from_the_committed_examples()
    {
        var dialogs = CopyOfDialogs();
        var model = Path.Combine(dialogs, "models", "crisis-risk.json");
        File.Delete(model);

        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "dialogs", "train", $"--ChatCoach:Dialogs:Path={dialogs}");

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Matches(@"^trained 'coach' on \d+ examples \(\d+ crisis\) in \d+ parts of 'tests/crisis-stress'", run.Output);
        Assert.True(File.ReadAllBytes(model).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(RepositoryPaths.Dialogs, "models", "crisis-risk.json"))),
            "dialogs/models/crisis-risk.json is not the model of the committed examples: run 'chatcoach dialogs train' and commit it");
    }

    [Fact]
    public async Task Train_refuses_a_script_without_a_learned_reader()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, string.Empty, "dialogs", "train", "--script", "sample");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("script 'sample' has no 'learned:' in its crisis section", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_refuses_an_id_no_script_has_even_when_the_folder_holds_one_script()
    {
        var dialogs = _folder.CopyDialogs("coach.yaml");

        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "dialogs", "train", "--script", "nope", $"--ChatCoach:Dialogs:Path={dialogs}");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no valid script 'nope'", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_refuses_a_model_trained_before_its_examples_changed()
    {
        var dialogs = CopyOfDialogs();
        await File.AppendAllLinesAsync(Path.Combine(dialogs, "tests", "crisis-stress", "heldout2", "none.txt"), ["a message added after training"]);

        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "dialogs", "test", dialogs);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"coach\.yaml: error CC073: crisis learned: the model 'models/crisis-risk.json' is out of date", run.Output);
    }

    [Fact]
    public async Task Graph_draws_the_script_as_a_mermaid_state_diagram()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, string.Empty, "dialogs", "graph", "sample");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("stateDiagram-v2", run.Output.TrimStart());
        Assert.Contains("step1_attempts --> step1_passed", run.Output);
    }

    [Fact]
    public async Task The_moderator_guide_embeds_the_current_diagram_of_the_coach_script()
    {
        var run = await ChatCoachProcess.RunAsync(RepositoryPaths.Root, string.Empty, "dialogs", "graph", "coach");

        var guide = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Dialogs, "README.md"));
        Assert.Equal(0, run.ExitCode);
        Assert.True(guide.Contains(run.Output.Trim(), StringComparison.Ordinal),
            "dialogs/README.md shows an old diagram: paste the output of 'chatcoach dialogs graph coach' into it");
    }

    [Fact]
    public async Task Stats_counts_the_funnel_of_replayed_conversations_without_message_text()
    {
        var db = Path.Combine(_folder.Path, "stats.db");
        string[] chat = ["chat", "--db", db, $"--ChatCoach:Dialogs:Path={RepositoryPaths.Dialogs}", "--ChatCoach:Dialogs:Default=sample"];
        await ChatCoachProcess.RunAsync(_folder.Path, "2015\nlots\n2\nyes\n1\nno\n", [.. chat, "--user", "a"]);
        await ChatCoachProcess.RunAsync(_folder.Path, "2016\n0\n/back\n0\n", [.. chat, "--user", "b"]);
        await ChatCoachProcess.RunAsync(_folder.Path, "2017\nI want to die\ncontinue\n", [.. chat, "--user", "c"]);

        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "stats", "--db", db, $"--ChatCoach:Dialogs:Path={RepositoryPaths.Dialogs}");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Script sample", run.Output);
        Assert.Matches(@"graduation_year\s+3\s+3\s+0\s+0\s+0\s+0\s+0\s+0\s+0", run.Output);
        Assert.Matches(@"step1_attempts\s+4\s+3\s+1\s+0\s+0\s+1\s+1\s+0\s+0", run.Output);
        Assert.Matches(@"usce\s+3\s+1\s+0\s+1\s+0\s+1", run.Output);
        Assert.Matches(@"research\s+1\s+1\s+0\s+0\s+0\s+0", run.Output);
        Assert.Contains("reached the plan: 1 (of 3 who started)", run.Output);
        Assert.DoesNotContain("lots", run.Output);
        Assert.DoesNotContain("die", run.Output);
    }

    public void Dispose() => _folder.Dispose();
}
