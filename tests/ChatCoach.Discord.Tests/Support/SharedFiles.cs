namespace ChatCoach.Discord.Tests.Support;

// The Discord reference files the tests read: the fixtures (tests/Fixtures/discord) and the OpenAPI spec the emulator
// embeds, copied beside the tests at build time so a clean clone needs nothing outside the repository.
internal static class SharedFiles
{
    public static string Discord { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord");

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(Discord, "fixtures", name));

    public static string OpenApiPath => Path.Combine(Discord, "openapi.json");
}
