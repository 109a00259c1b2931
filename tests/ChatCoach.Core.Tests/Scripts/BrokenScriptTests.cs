using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Tests.Scripts;

/// <summary>
/// The validator against a corpus of broken scripts. Each file's first line says which problems it must
/// produce, as "CODE line:col" separated by semicolons; no other problem may be reported.
/// </summary>
public sealed class BrokenScriptTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Scripts", "Broken");

    public static TheoryData<string> Files() => new(Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Reports_exactly_the_expected_problems_with_line_and_column(string name)
    {
        var path = Path.Combine(Folder, name);
        var expected = (await File.ReadAllLinesAsync(path))[0]["# expect: ".Length..]
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal);

        var result = await ScriptLoader.LoadFileAsync(path);

        var actual = result.Problems.Select(p => $"{p.Code} {p.Position.Line}:{p.Position.Column}").Order(StringComparer.Ordinal);
        Assert.False(result.Succeeded);
        Assert.True(expected.SequenceEqual(actual), $"expected: {string.Join("; ", expected)}\nactual:\n{string.Join("\n", result.Problems)}");
    }

    [Fact]
    public async Task Every_problem_names_its_file_and_has_a_fix_hint()
    {
        foreach (var path in Directory.EnumerateFiles(Folder, "*.yaml"))
        {
            var result = await ScriptLoader.LoadFileAsync(path);
            Assert.All(result.Problems, p =>
            {
                Assert.Equal(path, p.File);
                Assert.NotEmpty(p.Hint);
                Assert.Matches(@"^.+\(\d+,\d+\): error CC\d{3}: .+ Fix: .+$", p.ToString());
            });
        }
    }
}
