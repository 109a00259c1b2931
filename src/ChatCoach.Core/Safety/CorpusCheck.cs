using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Safety;

/// <summary>
/// Measures a script's crisis check on the corpus its crisis section names, part by part, and checks that its learned
/// reader's model was trained on the examples and vocabulary the script has now.
/// </summary>
public static class CorpusCheck
{
    /// <summary>
    /// The figures of every part of the corpus (relative to <paramref name="dialogsFolder"/>), and one failure line per part below the bar (or for a missing corpus,
    /// or a model out of date). A script that names no corpus and no learned reader has no figures and no failures.
    /// </summary>
    public static async Task<(IReadOnlyList<CorpusFigures> Figures, IReadOnlyList<string> Failures)> RunAsync(Script script, string dialogsFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        var stale = await StaleModelAsync(script, dialogsFolder, cancellationToken);
        if (script.Crisis.Corpus is not { } corpus)
        {
            return ([], stale);
        }

        var folder = Path.Combine(dialogsFolder, corpus);
        var loaded = await CrisisCorpus.LoadAsync(folder, cancellationToken);
        if (loaded is null || loaded.Parts.Count == 0)
        {
            return ([], [$"{script.File}: error {ProblemCodes.CorpusBelowBar}: the crisis corpus '{corpus}' was not found (looked in {folder})"]);
        }

        var figures = loaded.Measure(SafetyClassifier.Compile(script.Crisis).Classifier);
        var failures = figures.Where(f => !f.Passes)
            .Select(f => $"{script.File}: error {ProblemCodes.CorpusBelowBar}: crisis corpus {f}")
            .Concat(stale)
            .ToList();
        return (figures, failures);
    }

    private static async Task<string[]> StaleModelAsync(Script script, string dialogsFolder, CancellationToken cancellationToken)
    {
        if (script.Crisis is not { Learned: { } learned, Model: { } model } crisis)
        {
            return [];
        }

        var examples = await CrisisCorpus.LoadAsync(Path.Combine(dialogsFolder, learned.Examples), cancellationToken);
        var reason = examples is null || examples.Parts.Count == 0 ? $"its examples '{learned.Examples}' were not found"
            : RiskModel.FingerprintOf(crisis, examples) != model.Fingerprint ? $"the model '{learned.Model}' is out of date: its examples or the rewrites changed since it was trained"
            : null;
        return reason is null ? [] : [$"{script.File}: error {ProblemCodes.LearnedModel}: crisis learned: {reason}; run 'chatcoach dialogs train'"];
    }
}
