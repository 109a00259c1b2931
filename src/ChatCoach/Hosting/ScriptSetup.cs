using ChatCoach.Core.Scripts;

namespace ChatCoach.Hosting;

/// <summary>Loads the dialog scripts at start, plus a draft script given on the command line, and reports their problems.</summary>
internal static class ScriptSetup
{
    /// <summary>
    /// Returns the catalog and the script new terminal conversations start on (null: the default). A problem in
    /// a script other than the default only skips that script; a broken default or draft stops the start.
    /// </summary>
    public static async Task<(ScriptCatalog? Catalog, string? StartScript)> LoadAsync(
        DialogsOptions options, string? script, TextWriter errors, CancellationToken cancellationToken)
    {
        var (catalog, problems) = await ScriptCatalog.LoadAsync(options, cancellationToken);
        foreach (var problem in problems)
        {
            await errors.WriteLineAsync(problem.ToString());
        }

        if (catalog is null)
        {
            await errors.WriteLineAsync($"chatcoach: cannot start: the default script '{options.Default}' did not load (ChatCoach:Dialogs).");
            return (null, null);
        }

        if (script is null || !script.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !File.Exists(script))
        {
            if (script is not null && catalog.Find(script) is null)
            {
                await errors.WriteLineAsync($"chatcoach: no script with id '{script}' in '{options.Path}'.");
                return (null, null);
            }

            return (catalog, script);
        }

        if (!File.Exists(script))
        {
            await errors.WriteLineAsync($"chatcoach: the script file '{script}' does not exist.");
            return (null, null);
        }

        var draft = await ScriptLoader.LoadFileAsync(script, cancellationToken);
        foreach (var problem in draft.Problems)
        {
            await errors.WriteLineAsync(problem.ToString());
        }

        return draft.Script is { } loaded ? (catalog.With(loaded), loaded.Id) : (null, null);
    }
}
