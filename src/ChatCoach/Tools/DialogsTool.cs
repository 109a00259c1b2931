using ChatCoach.Core.Conversations;
using ChatCoach.Core.Goldens;
using ChatCoach.Core.Safety;
using ChatCoach.Core.Scripts;
using ChatCoach.Core.Seasons;

namespace ChatCoach.Tools;

/// <summary>
/// The moderators' tools: <c>dialogs validate</c>, <c>test</c>, <c>graph</c>, <c>classify</c> and <c>train</c>. Validation and
/// goldens without a <c>today:</c> use <paramref name="clock"/>'s day (<c>ChatCoach:Clock:Today</c>).
/// </summary>
internal sealed class DialogsTool(DialogsOptions options, TimeProvider clock, TextReader input, TextWriter output, TextWriter errors)
{
    public const int Succeeded = 0;
    public const int Failed = 1;

    /// <summary>Every problem of every script, one a line; exit code 1 when anything is wrong.</summary>
    public async Task<int> ValidateAsync(string path, CancellationToken cancellationToken)
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
        var corpusFailures = 0;
        foreach (var script in scripts)
        {
            var (figures, failures) = await CorpusCheck.RunAsync(script, folder, cancellationToken);
            foreach (var part in figures)
            {
                await output.WriteLineAsync($"crisis corpus of '{script.Id}', {part}");
            }

            foreach (var failure in failures)
            {
                await output.WriteLineAsync(failure);
            }

            corpusFailures += failures.Count;
        }

        return failed == 0 && corpusFailures == 0 && problems.Count == 0 && goldenProblems.Count == 0 ? Succeeded : Failed;
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

    /// <summary>
    /// Reads messages one a line and prints each one's safety level, so moderators can try a phrase; with
    /// <paramref name="why"/>, the pattern that decided it after a tab.
    /// </summary>
    public async Task<int> ClassifyAsync(string? script, bool why, CancellationToken cancellationToken)
    {
        Script? chosen;
        if (script is not null && (script.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || File.Exists(script)))
        {
            var draft = File.Exists(script) ? await ScriptLoader.LoadFileAsync(script, cancellationToken) : null;
            foreach (var problem in draft?.Problems ?? [])
            {
                await errors.WriteLineAsync(problem.ToString());
            }

            chosen = draft?.Script;
        }
        else
        {
            var (scripts, _) = await ScriptLoader.LoadAllAsync(options.Path, cancellationToken);
            chosen = scripts.FirstOrDefault(s => s.Id == (script ?? options.Default));
        }

        if (chosen is null)
        {
            await errors.WriteLineAsync($"chatcoach: no valid script '{script ?? options.Default}' (run 'chatcoach dialogs validate').");
            return Failed;
        }

        var classifier = SafetyClassifier.Compile(chosen.Crisis).Classifier;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            var reading = classifier.Read(line);
            var level = reading.Level.ToString().ToLowerInvariant();
            await output.WriteLineAsync(why && reading.Pattern is { } pattern ? $"{level}\t{pattern}" : level);
        }

        return Succeeded;
    }

    /// <summary>
    /// Trains the learned reader of the script <paramref name="script"/> (an id or a file; the default script when
    /// null) on its examples and writes the model where its crisis section says.
    /// </summary>
    public async Task<int> TrainAsync(string? script, CancellationToken cancellationToken)
    {
        var byFile = script is not null && File.Exists(script);
        var files = byFile ? [script!]
            : Directory.Exists(options.Path) ? Directory.EnumerateFiles(options.Path, "*.yaml").Order(StringComparer.Ordinal).ToList() : [];
        Script? chosen = null;
        foreach (var file in files)
        {
            // Without its model: training is how a missing or stale one is made.
            var loaded = ScriptLoader.Load(file, await File.ReadAllTextAsync(file, cancellationToken)).Script;
            if (loaded is not null && (byFile || loaded.Id == (script ?? options.Default)))
            {
                chosen = loaded;
                break;
            }
        }

        if (chosen is not { Crisis.Learned: { } learned })
        {
            await errors.WriteLineAsync(chosen is null
                ? $"chatcoach: no valid script '{script ?? options.Default}' (run 'chatcoach dialogs validate')."
                : $"chatcoach: script '{chosen.Id}' has no 'learned:' in its crisis section; nothing to train.");
            return Failed;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(chosen.File))!;
        var examples = await CrisisCorpus.LoadAsync(Path.Combine(folder, learned.Examples), cancellationToken);
        if (examples is null || examples.Parts.Count == 0)
        {
            await errors.WriteLineAsync($"chatcoach: no examples in '{Path.Combine(folder, learned.Examples)}'.");
            return Failed;
        }

        var started = clock.GetTimestamp();
        var model = RiskModel.Train(chosen.Crisis, examples);
        var path = Path.Combine(folder, learned.Model);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var stream = File.Create(path))
        {
            await model.WriteAsync(stream, cancellationToken);
        }

        var crisisCount = examples.Parts.Sum(p => p.Messages.Count(m => m.Label == SafetyLevel.Crisis));
        await output.WriteLineAsync(FormattableString.Invariant(
            $"trained '{chosen.Id}' on {model.Examples} examples ({crisisCount} crisis) in {examples.Parts.Count} parts of '{learned.Examples}' in {clock.GetElapsedTime(started).TotalSeconds:0.0} s; wrote '{learned.Model}' (fingerprint {model.Fingerprint[..12]})"));
        return Succeeded;
    }
}
