namespace ChatCoach.Tests.Shared;

/// <summary>Finds the repository's folders from a test's output folder, so tests use the real dialogs/.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Dialogs => Path.Combine(Root, "dialogs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatCoach.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatCoach.sln not found above " + AppContext.BaseDirectory);
    }
}
