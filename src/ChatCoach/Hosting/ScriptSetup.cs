using ChatCoach.Core.Scripts;

namespace ChatCoach.Hosting;

/// <summary>Loads the live scripts at start and resolves the script a terminal chat asks for (an id, or a draft file).</summary>
internal static class ScriptSetup
{
    /// <summary>Makes the dialogs folder live; false (after printing why) when the default script cannot serve.</summary>
    public static async Task<bool> StartAsync(LiveScripts live, TextWriter errors, CancellationToken cancellationToken)
    {
        var report = await live.ReloadAsync("startup", cancellationToken);
        foreach (var refused in report.Lines.Where(l => l.Outcome == ReloadOutcome.Refused))
        {
            await errors.WriteLineAsync(refused.Result);
        }

        if (report.Failed)
        {
            await errors.WriteLineAsync("chatcoach: cannot start: the default script did not load (ChatCoach:Dialogs).");
        }

        return !report.Failed;
    }

    /// <summary>
    /// For <c>chat --script</c>: null for the default, the id when it names a live script, or a draft file loaded
    /// beside the live scripts for this process only. Prints the problem and returns false when it can't be used.
    /// </summary>
    public static async Task<(bool Ok, Script? Draft)> LoadDraftAsync(string? script, TextWriter errors, CancellationToken cancellationToken)
    {
        if (script is null || !script.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !File.Exists(script))
        {
            return (true, null);
        }

        if (!File.Exists(script))
        {
            await errors.WriteLineAsync($"chatcoach: the script file '{script}' does not exist.");
            return (false, null);
        }

        var draft = await ScriptLoader.LoadFileAsync(script, cancellationToken);
        foreach (var problem in draft.Problems)
        {
            await errors.WriteLineAsync(problem.ToString());
        }

        return (draft.Succeeded, draft.Script);
    }
}
