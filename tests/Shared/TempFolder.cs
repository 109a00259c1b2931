namespace ChatCoach.Tests.Shared;

/// <summary>A fresh temporary folder for one test, deleted afterwards (best effort: a leftover harms nothing).</summary>
internal sealed class TempFolder(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>
    /// Copies the repository's scripts matching <paramref name="scripts"/> into a <c>dialogs</c> folder here, the
    /// golden conversations matching <paramref name="goldens"/> into its <c>tests</c> (none when null), and always the
    /// crisis corpus with the learned reader's examples and model (a script that names them is refused without them).
    /// Returns the folder.
    /// </summary>
    public string CopyDialogs(string scripts = "*.yaml", string? goldens = null)
    {
        var target = System.IO.Path.Combine(Path, "dialogs");
        Copy(RepositoryPaths.Dialogs, target, scripts);
        if (goldens is not null)
        {
            Copy(System.IO.Path.Combine(RepositoryPaths.Dialogs, "tests"), System.IO.Path.Combine(target, "tests"), goldens);
        }

        // The corpus, and the examples and model of the learned reader: a script naming them does not load or reload without them.
        foreach (var corpus in new[] { "crisis", "crisis-stress" })
        {
            foreach (var part in Directory.EnumerateDirectories(System.IO.Path.Combine(RepositoryPaths.Dialogs, "tests", corpus)))
            {
                Copy(part, System.IO.Path.Combine(target, "tests", corpus, System.IO.Path.GetFileName(part)), "*.txt");
            }
        }

        Copy(System.IO.Path.Combine(RepositoryPaths.Dialogs, "models"), System.IO.Path.Combine(target, "models"), "*.json");

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a process under test may still hold a file for a moment.
        }
    }

    private static void Copy(string from, string to, string pattern)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, pattern))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }
    }
}
