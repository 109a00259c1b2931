using ChatCoach.Core.Conversations;
using ChatCoach.Core.Goldens;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Tools;

/// <summary>The moderators' tools: <c>dialogs validate</c>, <c>dialogs test</c> and <c>dialogs graph</c>.</summary>
internal sealed class DialogsTool(DialogsOptions options, TextWriter output, TextWriter errors)
{
    public const int Succeeded = 0;
    public const int Failed = 1;

    /// <summary>Every problem of every script, one a line; exit code 1 when anything is wrong.</summary>
    public async Task<int> ValidateAsync(string path, CancellationToken cancellationToken)
    {
        var (scripts, problems) = await ScriptLoader.LoadAllAsync(path, cancellationToken);
        foreach (var problem in problems)
        {
            await output.WriteLineAsync(problem.ToString());
        }

        await errors.WriteLineAsync($"{scripts.Count + problems.Select(p => p.File).Distinct().Count()} script(s) checked, {problems.Count} problem(s).");
        return problems.Count == 0 && scripts.Count > 0 ? Succeeded : Failed;
    }

    /// <summary>Replays the golden conversations through the real engine and conversation service, in memory.</summary>
    public async Task<int> TestAsync(string path, CancellationToken cancellationToken)
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
        var runner = new GoldenRunner(catalog, new InMemorySessionStore());
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

    /// <summary>The live script <paramref name="id"/> as a Mermaid diagram.</summary>
    public async Task<int> GraphAsync(string id, CancellationToken cancellationToken)
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
}
