namespace ChatCoach.Discord.Tests.Support;

// shared/ sits beside the repository (worktrees and CI clones alike), so walk up until it appears.
internal static class SharedFiles
{
    private static readonly Lazy<string> DiscordDirectory = new(Find);

    public static string Discord => DiscordDirectory.Value;

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(Discord, "fixtures", name));

    public static string OpenApiPath => Path.Combine(Discord, "openapi.json");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "discord");
            if (File.Exists(Path.Combine(candidate, "openapi.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/discord (with openapi.json) was not found above " + AppContext.BaseDirectory);
    }
}
