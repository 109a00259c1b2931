using ChatCoach.Core.Goldens;
using ChatCoach.Core.Scripts;
using ChatCoach.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace ChatCoach.Tests.Dialogs;

/// <summary>
/// The gate every script change passes: every script in dialogs/ validates, and every golden conversation in
/// dialogs/tests/ replays through the real engine and a real SQLite file.
/// </summary>
public sealed class DialogScriptsTests : IAsyncLifetime
{
    private static readonly string Goldens = Path.Combine(RepositoryPaths.Dialogs, "tests");

    // Goldens name their own day; this one only stands in for a golden that forgets to.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string> Scripts() => new(Directory.EnumerateFiles(RepositoryPaths.Dialogs, "*.yaml").Select(Path.GetFileName).Order()!);

    public static TheoryData<string> Conversations() => new(Directory.EnumerateFiles(Goldens, "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Every_script_validates(string file)
    {
        var result = await ScriptLoader.LoadFileAsync(Path.Combine(RepositoryPaths.Dialogs, file));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Every_golden_conversation_passes(string file)
    {
        var (conversation, problems) = GoldenLoader.Load(file, await File.ReadAllTextAsync(Path.Combine(Goldens, file)));
        Assert.True(conversation is not null, string.Join("\n", problems));

        var result = await new GoldenRunner(await LoadCatalogAsync(), _db.Store, Clock).RunAsync(conversation, default);

        Assert.True(result.Passed, string.Join("\n\n", result.Failures));
    }

    [Fact]
    public async Task Every_advice_entry_is_reached_by_at_least_one_golden_conversation()
    {
        var catalog = await LoadCatalogAsync();
        var (conversations, problems) = await GoldenLoader.LoadFolderAsync(Goldens, default);
        Assert.Empty(problems);
        var runner = new GoldenRunner(catalog, _db.Store, Clock);
        var reached = new HashSet<(string Script, string Advice)>();
        foreach (var conversation in conversations)
        {
            var result = await runner.RunAsync(conversation, default);
            reached.UnionWith(result.AdviceReached.Select(a => (conversation.Script, a)));
        }

        var scripts = conversations.Select(c => c.Script).Distinct().Select(id => catalog.Find(id)!.Script);
        var missed = scripts.SelectMany(s => s.Advice.Select(a => (s.Id, a.Id))).Where(a => !reached.Contains(a)).ToList();
        Assert.True(missed.Count == 0, "never reached: " + string.Join(", ", missed.Select(m => $"{m.Item1}/{m.Item2}")));
    }

    private static async Task<ScriptCatalog> LoadCatalogAsync()
    {
        var (scripts, problems) = await ScriptLoader.LoadAllAsync(RepositoryPaths.Dialogs, default);
        Assert.Empty(problems);
        return new ScriptCatalog(scripts, "sample");
    }
}
