using ChatCoach.Core.Conversations;
using ChatCoach.Core.Goldens;
using ChatCoach.Core.Scripts;
using ChatCoach.Core.Seasons;

namespace ChatCoach.Tools;

/// <summary>
/// The moderators' tools: <c>dialogs validate</c>, <c>dialogs test</c> and <c>dialogs graph</c>. Validation and
/// goldens without a <c>today:</c> use <paramref name="clock"/>'s day (<c>ChatCoach:Clock:Today</c>).
/// </summary>
internal sealed class DialogsTool(DialogsOptions options, TimeProvider clock, TextWriter output, TextWriter errors)
{
    public const int Succeeded = 0;
    public const int Failed = 1;

    public Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) => arguments[0] switch
    {
        "validate" => ValidateAsync(Target(arguments), cancellationToken),
        "test" => TestAsync(Target(arguments), cancellationToken),
        "graph" when arguments.Count == 2 => GraphAsync(arguments[1], cancellationToken),
        _ => Usage(arguments[0]),
    };

    /// <summary>Every problem of every script, one a line; exit code 1 when anything is wrong.</summary>
    private async Task<int> ValidateAsync(string path, CancellationToken cancellationToken)
    {
        var (scripts, problems) = await ScriptLoader.LoadAllAsync(path, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var all = problems.Concat(scripts.SelectMany(s => SeasonRules.CheckDate(s, today))).ToList();
        foreach (var problem in all)
        {
            await output.WriteLineAsync(problem.ToString());
        }

        var errorCount = all.Count(p => !p.IsWarning);
        await errors.WriteLineAsync(
            $"{scripts.Count + problems.Select(p => p.File).Distinct().Count()} script(s) checked on {today:yyyy-MM-dd}, {errorCount} problem(s), {all.Count - errorCount} warning(s).");
        return errorCount == 0 && scripts.Count > 0 ? Succeeded : Failed;
    }

    /// <summary>Replays the golden conversations through the real engine and conversation service, in memory.</summary>
    private async Task<int> TestAsync(string path, CancellationToken cancellationToken)
    {
        var (scripts, problems) = await ScriptLoader.LoadAllAsync(path, cancellationToken);
        foreach (var problem in problems)
        {
            await output.WriteLineAsync(problem.ToString());
        }

        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var goldenFolder = Path.Combine(folder, "tests");
        if (scripts.Count == 0 || !Directory.Exists(goldenFolder))
        {
            await errors.WriteLineAsync(scripts.Count == 0 ? "No valid script to test." : $"No golden conversations in '{goldenFolder}'.");
            return Failed;
        }

        var (goldens, goldenProblems) = await GoldenLoader.LoadFolderAsync(goldenFolder, cancellationToken);
        foreach (var problem in goldenProblems)
        {
            await output.WriteLineAsync(problem.ToString());
        }

        var ids = scripts.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        goldens = Directory.Exists(path) ? goldens : goldens.Where(g => ids.Contains(g.Script)).ToList();
        var catalog = new ScriptCatalog(scripts, ids.Contains(options.Default) ? options.Default : scripts[0].Id);
        var failed = 0;
        var runner = new GoldenRunner(catalog, new InMemorySessionStore(), clock);
        foreach (var golden in goldens)
        {
            var result = await runner.RunAsync(golden, cancellationToken);
            await output.WriteLineAsync($"{(result.Passed ? "PASS" : "FAIL")} {golden.File}");
            foreach (var failure in result.Failures)
            {
                await output.WriteLineAsync(failure);
            }

            failed += result.Passed ? 0 : 1;
        }

        await errors.WriteLineAsync($"{goldens.Count - failed} of {goldens.Count} golden conversation(s) passed.");
        return failed == 0 && problems.Count == 0 && goldenProblems.Count == 0 ? Succeeded : Failed;
    }

    private async Task<int> GraphAsync(string id, CancellationToken cancellationToken)
    {
        var (scripts, _) = await ScriptLoader.LoadAllAsync(options.Path, cancellationToken);
        if (scripts.FirstOrDefault(s => s.Id == id) is not { } script)
        {
            await errors.WriteLineAsync($"chatcoach: no valid script with id '{id}' in '{options.Path}' (run 'chatcoach dialogs validate').");
            return Failed;
        }

        await output.WriteLineAsync(new Core.Engine.DialogEngine(script).ToMermaid());
        return Succeeded;
    }

    private async Task<int> Usage(string action)
    {
        await errors.WriteLineAsync($"chatcoach: unknown 'dialogs {action}'; use validate [PATH], test [PATH] or graph ID.");
        return 2;
    }

    private string Target(IReadOnlyList<string> arguments) => arguments.Count > 1 ? arguments[1] : options.Path;
}
