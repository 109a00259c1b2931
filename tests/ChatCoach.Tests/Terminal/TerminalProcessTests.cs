using ChatCoach.Tests.Shared;

namespace ChatCoach.Tests.Terminal;

/// <summary>The terminal channel as a user meets it: the real executable, piped or interactive, on a real SQLite file.</summary>
public sealed class TerminalProcessTests : IDisposable
{
    private readonly TempFolder _folder = new("chatcoach-terminal-");

    private string[] Args(params string[] args) =>
        [.. args, "--db", Path.Combine(_folder.Path, "data", "chat.db"), $"--ChatCoach:Dialogs:Path={RepositoryPaths.Dialogs}"];

    [Fact]
    public async Task Piped_input_answers_the_open_question_and_the_next_run_continues_from_there()
    {
        var first = await ChatCoachProcess.RunAsync(_folder.Path, "2015\n", Args("chat", "--user", "alice"));

        Assert.Equal(0, first.ExitCode);
        var firstQuestion = first.Output.IndexOf("What year did you graduate", StringComparison.Ordinal);
        Assert.True(firstQuestion >= 0, first.Output + first.Errors);
        Assert.DoesNotContain("I need a year", first.Output);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "data", "chat.db")), "the database and its folder are created on first run");

        var second = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, Args("chat", "--user", "alice"));

        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("Welcome back", second.Output.TrimStart());
        Assert.DoesNotContain("What year did you graduate", second.Output);
        var nextQuestion = first.Output[(firstQuestion + 10)..].Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Last().Trim();
        Assert.Contains(nextQuestion.Split('\n')[0], second.Output);
    }

    [Fact]
    public async Task The_configured_day_picks_the_season_the_bot_talks_about()
    {
        var thisSeason = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, Args("chat", "--user", "carol"));
        var nextSeason = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, Args("chat", "--user", "dave", "--ChatCoach:Clock:Today=2027-10-01"));

        Assert.Contains("before the 2028 Match season", thisSeason.Output);
        Assert.Contains("before the 2029 Match season", nextSeason.Output);
    }

    [Fact]
    public async Task Users_are_kept_apart()
    {
        await ChatCoachProcess.RunAsync(_folder.Path, "2015\n", Args("chat", "--user", "alice"));

        var bob = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, Args("chat", "--user", "bob"));

        Assert.Contains("What year did you graduate", bob.Output);
        Assert.DoesNotContain("Welcome back", bob.Output);
    }

    [Fact]
    public async Task Stdout_carries_only_the_conversation()
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, "2015\n", Args("chat", "--user", "carol", "--Logging:LogLevel:Default=Debug"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("info:", run.Output);
        Assert.DoesNotContain("dbug:", run.Output);
        Assert.DoesNotContain("2015", run.Errors);
    }

    [Fact]
    public async Task Killed_mid_conversation_it_continues_at_the_same_question_with_answers_kept()
    {
        using (var chat = ChatCoachProcess.Start(_folder.Path, Args("chat", "--user", "dana")))
        {
            await chat.WaitForOutputAsync("What year did you graduate");
            await chat.WriteAsync("2012\n");
            await chat.WaitForOutputAsync("Step 1");
            chat.Kill();
            await chat.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        var resumed = await ChatCoachProcess.RunAsync(_folder.Path, "/plan\n", Args("chat", "--user", "dana"));

        Assert.StartsWith("Welcome back", resumed.Output.TrimStart());
        Assert.Contains("Step 1", resumed.Output.Split("\n\n")[1]);
        Assert.DoesNotContain("year of graduation", resumed.Output.Split("Still to answer")[^1]);
    }

    [Fact]
    public async Task Forget_in_the_terminal_erases_the_user()
    {
        await ChatCoachProcess.RunAsync(_folder.Path, "2015\n", Args("chat", "--user", "erin"));

        var forget = await ChatCoachProcess.RunAsync(_folder.Path, "/forget\nyes\n", Args("chat", "--user", "erin"));
        var after = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, Args("chat", "--user", "erin"));

        Assert.Contains("erased", forget.Output);
        Assert.DoesNotContain("Welcome back", after.Output);
    }

    [Theory]
    [InlineData("--ChatCoach:Database:Provider=Oracle", "ChatCoach:Database:Provider")]
    [InlineData("--ChatCoach:Privacy:StoreTranscripts=sometimes", "ChatCoach:Privacy:StoreTranscripts")]
    [InlineData("--ChatCoach:Dialogs:Default=nosuchscript", "ChatCoach:Dialogs")]
    [InlineData("--ChatCoach:Databse:ConnectionString=x", "ChatCoach:Databse")]
    [InlineData("--ChatCoach:Database:ConectionString=x", "ConectionString")]
    public async Task A_wrong_configuration_value_stops_with_exit_code_2_naming_the_key(string setting, string key)
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, [.. Args("chat", "--user", "x"), setting]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(key, run.Errors);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task An_unknown_option_stops_with_exit_code_2_and_the_usage()
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "chat", "--usr", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Errors);
    }

    [Fact]
    public async Task A_draft_script_file_can_be_tried_before_it_goes_live()
    {
        var draft = Path.Combine(_folder.Path, "draft.yaml");
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Dialogs, "sample.yaml"));
        await File.WriteAllTextAsync(draft, sample.Replace("id: sample", "id: draft", StringComparison.Ordinal)
            .Replace("Five quick questions", "A DRAFT with five questions", StringComparison.Ordinal));

        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, Args("chat", "--user", "fay", "--script", draft));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("A DRAFT with five questions", run.Output);
    }

    [Fact]
    public async Task A_broken_draft_is_refused_with_file_line_and_reason()
    {
        var draft = Path.Combine(_folder.Path, "broken.yaml");
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Dialogs, "sample.yaml"));
        await File.WriteAllTextAsync(draft, sample.Replace("next: research", "next: reserch", StringComparison.Ordinal));

        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, Args("chat", "--user", "gil", "--script", draft));

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"broken\.yaml\(\d+,\d+\): error CC010: .*'reserch'", run.Errors);
        Assert.Empty(run.Output);
    }

    public void Dispose() => _folder.Dispose();
}
