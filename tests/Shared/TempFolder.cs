namespace ChatCoach.Tests.Shared;

/// <summary>A fresh temporary folder for one test, deleted afterwards (best effort: a leftover harms nothing).</summary>
internal sealed class TempFolder(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>
    /// Copies the repository's scripts matching <paramref name="scripts"/> into a <c>dialogs</c> folder here, with the
    /// crisis corpus they are checked against (<c>tests/crisis</c>), and the golden conversations matching
    /// <paramref name="goldens"/> into its <c>tests</c> (none when null). Returns the folder.
    /// </summary>
    public string CopyDialogs(string scripts = "*.yaml", string? goldens = null)
    {
        var target = System.IO.Path.Combine(Path, "dialogs");
        Copy(RepositoryPaths.Dialogs, target, scripts);
        var corpus = System.IO.Path.Combine(RepositoryPaths.Dialogs, "tests", "crisis");
        foreach (var folder in Directory.Exists(corpus) ? Directory.EnumerateDirectories(corpus, "*", SearchOption.AllDirectories).Prepend(corpus) : [])
        {
            Copy(folder, System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(RepositoryPaths.Dialogs, folder)), "*");
        }

        if (goldens is not null)
        {
            Copy(System.IO.Path.Combine(RepositoryPaths.Dialogs, "tests"), System.IO.Path.Combine(target, "tests"), goldens);
        }

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
