using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Safety;

/// <summary>Measures a script's crisis patterns on the corpus its crisis section names, part by part.</summary>
public static class CorpusCheck
{
    /// <summary>
    /// The figures of every part of the corpus (relative to <paramref name="dialogsFolder"/>), and one failure line per part below the bar (or for a missing corpus). A script
    /// that names no corpus has no figures and no failures.
    /// </summary>
    public static async Task<(IReadOnlyList<CorpusFigures> Figures, IReadOnlyList<string> Failures)> RunAsync(Script script, string dialogsFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (script.Crisis.Corpus is not { } corpus)
        {
            return ([], []);
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
            .ToList();
        return (figures, failures);
    }
}
