using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatCoach.Cli;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Tests.Cli;

/// <summary>The command line as a user meets it: the real executable, its help, errors, version and completion.</summary>
public sealed partial class CommandLineTests : IDisposable
{
    private readonly TempFolder _folder = new("chatcoach-cli-");

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("chat", "--help")]
    [InlineData("chat", "-h")]
    [InlineData("stats", "-h")]
    [InlineData("dialogs", "-h")]
    [InlineData("dialogs", "validate", "-h")]
    [InlineData("dialogs", "test", "--help")]
    [InlineData("dialogs", "graph", "-h")]
    [InlineData("completion", "-h")]
    public async Task Help_works_on_every_verb(params string[] args)
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, args);

        Assert.True(run.ExitCode == 0, run.Errors);
        var verb = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')));
        Assert.Contains($"Usage:\n  {$"chatcoach {verb}".TrimEnd()} ", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task Version_prints_the_version_and_the_commit()
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^chatcoach \d+\.\d+\.\d+\S* \(commit [0-9a-f]{7,40}\)\n$", run.Output);
    }

    [Theory]
    [InlineData("'--usr'", "'--user'", "chat", "--usr", "x")]
    [InlineData("'--bogus'", "'--db'", "stats", "--bogus")]
    [InlineData("'dialgs'", "'dialogs'", "dialgs", "validate")]
    [InlineData("'valdate'", "'validate'", "dialogs", "valdate")]
    [InlineData("'--hepl'", "'--help'", "--hepl")]
    public async Task An_unknown_option_or_verb_is_named_with_the_nearest_one_and_exit_code_2(string named, string nearest, params string[] args)
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, args);

        Assert.Equal(2, run.ExitCode);
        var first = run.Errors.Split('\n')[0];
        Assert.Contains(named, first, StringComparison.Ordinal);
        Assert.Contains($"did you mean {nearest}?", first, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Errors, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("dialogs")]
    [InlineData("dialogs", "graph")]
    [InlineData("completion", "fish")]
    [InlineData("chat", "--user")]
    public async Task A_missing_or_wrong_argument_is_a_parse_error_with_exit_code_2(params string[] args)
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("chatcoach: ", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_overrides_keep_working_with_an_equals_sign_or_a_space()
    {
        var broken = Path.Combine(_folder.Path, "nowhere");

        var spaced = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "dialogs", "validate", "--ChatCoach:Dialogs:Path", broken);
        var equals = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "dialogs", "test", $"--ChatCoach:Dialogs:Path={broken}");
        var logging = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "--Logging:LogLevel:Default", "Debug", "dialogs", "validate",
            $"--ChatCoach:Dialogs:Path={RepositoryPaths.Dialogs}");

        Assert.Equal(1, spaced.ExitCode);
        Assert.Contains($"no script file at '{broken}'", spaced.Output, StringComparison.Ordinal);
        Assert.Equal(1, equals.ExitCode);
        Assert.Contains($"no script file at '{broken}'", equals.Output, StringComparison.Ordinal);
        Assert.True(logging.ExitCode == 0, logging.Output + logging.Errors);
    }

    [Fact]
    public async Task From_another_folder_the_dialogs_published_beside_the_executable_serve()
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "chat", "--user", "ann", "--db", Path.Combine(_folder.Path, "c.db"));

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Contains("What year did you graduate", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "dialogs")));
    }

    [Fact]
    public async Task An_explicit_dialogs_path_still_wins_and_stops_with_exit_code_2_when_it_has_no_scripts()
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "chat", "--user", "ann", "--db", Path.Combine(_folder.Path, "c.db"),
            "--ChatCoach:Dialogs:Path=./dialogs");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"no script file at '{Path.Combine(_folder.Path, "dialogs")}'", run.Errors, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("chatcoach dia", "dialogs")]
    [InlineData("chatcoach dialogs ", "classify graph test train validate")]
    [InlineData("chatcoach chat --u", "--user")]
    [InlineData("chatcoach completion ", "bash zsh")]
    [InlineData("chatcoach dialogs validate --h", "--help")]
    public async Task Bash_completion_completes_verbs_options_and_arguments(string line, string expected)
    {
        var script = Path.Combine(_folder.Path, "chatcoach.bash");
        var completion = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "completion", "bash");
        await File.WriteAllTextAsync(script, completion.Output);
        var words = line.Split(' ');

        // What bash does on Tab: fill COMP_WORDS and COMP_CWORD, call the function, read COMPREPLY.
        var probe = $"source '{script}'; COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))}); COMP_CWORD={words.Length - 1}; "
            + "_chatcoach; printf '%s\\n' \"${COMPREPLY[@]}\" | sort | tr '\\n' ' '";
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-c", probe]) { RedirectStandardOutput = true })!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.Equal(0, completion.ExitCode);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public async Task Zsh_completion_is_the_bash_function_through_bashcompinit()
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "completion", "zsh");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("#compdef chatcoach\nautoload -U +X bashcompinit && bashcompinit\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("complete -o default -F _chatcoach chatcoach", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_usage_blocks_equal_the_help_at_100_columns()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"));
        var blocks = HelpBlock().Matches(readme);

        Assert.NotEmpty(blocks);
        foreach (Match block in blocks)
        {
            using var help = new StringWriter();
            CommandLine.WriteHelp(block.Groups["path"].Value.Trim(), help);
            var rendered = string.Join('\n', help.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd()));
            Assert.Equal(rendered, block.Groups["text"].Value.TrimEnd());
        }
    }

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"<!-- help: chatcoach(?<path>[^>]*)-->\n```text\n(?<text>.*?)```\n<!-- /help -->", RegexOptions.Singleline)]
    private static partial Regex HelpBlock();
}
