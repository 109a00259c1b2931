using ChatCoach.Core.Safety;
using ChatCoach.Core.Scripts;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Core.Tests.Scripts;

/// <summary>The crisis section's <c>learned:</c> key: read, checked, and its model attached when the script loads from its folder.</summary>
public sealed class LearnedReaderTests : IDisposable
{
    private const string Learned = "    learned:\n      examples: tests/examples\n      model: models/risk.json\n      threshold: 0.8\n";

    private readonly TempFolder _folder = new("chatcoach-learned-");

    private static string WithLearned(string learned = Learned) =>
        TestScripts.Yaml.Replace("  crisis:\n    levels:", "  crisis:\n" + learned + "    levels:", StringComparison.Ordinal);

    private async Task<string> WriteAsync(string yaml, bool examples = true)
    {
        var file = Path.Combine(_folder.Path, "coach.yaml");
        await File.WriteAllTextAsync(file, yaml);
        if (examples)
        {
            var part = Directory.CreateDirectory(Path.Combine(_folder.Path, "tests", "examples", "part1")).FullName;
            await File.WriteAllLinesAsync(Path.Combine(part, "crisis.txt"), ["# crisis", "the pills are counted for tonight", "letters written, rope ready"]);
            await File.WriteAllLinesAsync(Path.Combine(part, "none.txt"), ["# none", "I graduated in 2019", "what should I study first"]);
        }

        return file;
    }

    private async Task TrainAsync(string file)
    {
        var script = ScriptLoader.Load(file, await File.ReadAllTextAsync(file)).Script!;
        var examples = await CrisisCorpus.LoadAsync(Path.Combine(_folder.Path, "tests", "examples"), CancellationToken.None);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "models"));
        await using var stream = File.Create(Path.Combine(_folder.Path, "models", "risk.json"));
        await RiskModel.Train(script.Crisis, examples!).WriteAsync(stream, CancellationToken.None);
    }

    [Fact]
    public async Task A_trained_model_is_attached_when_the_script_loads_from_its_folder()
    {
        var file = await WriteAsync(WithLearned());
        await TrainAsync(file);

        var result = await ScriptLoader.LoadFileAsync(file);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var learned = result.Script!.Crisis.Learned!;
        Assert.Equal(("tests/examples", "models/risk.json", 0.8), (learned.Examples, learned.Model, learned.Threshold));
        Assert.Null(learned.ConcernThreshold);
        Assert.Equal(4, result.Script.Crisis.Model!.Examples);
        Assert.Empty((await CorpusCheck.RunAsync(result.Script, _folder.Path, CancellationToken.None)).Failures);
    }

    [Fact]
    public async Task A_missing_model_is_refused_at_the_learned_line_with_how_to_make_it()
    {
        var file = await WriteAsync(WithLearned());

        var result = await ScriptLoader.LoadFileAsync(file);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.LearnedModel, problem.Code);
        Assert.Equal(78, problem.Position.Line);
        Assert.Contains("no trained model at", problem.Message);
        Assert.Contains("chatcoach dialogs train", problem.Hint);
    }

    [Fact]
    public async Task An_unreadable_model_is_refused()
    {
        var file = await WriteAsync(WithLearned());
        Directory.CreateDirectory(Path.Combine(_folder.Path, "models"));
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "models", "risk.json"), "{\"bits\": 18}");

        var result = await ScriptLoader.LoadFileAsync(file);

        Assert.Contains(result.Problems, p => p.Code == ProblemCodes.LearnedModel && p.Message.Contains("not a readable model", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_trained_before_the_examples_changed_fails_the_check_a_reload_runs()
    {
        var file = await WriteAsync(WithLearned());
        await TrainAsync(file);
        await File.AppendAllLinesAsync(Path.Combine(_folder.Path, "tests", "examples", "part1", "none.txt"), ["a new ordinary message"]);
        var script = (await ScriptLoader.LoadFileAsync(file)).Script!;

        var failure = Assert.Single((await CorpusCheck.RunAsync(script, _folder.Path, CancellationToken.None)).Failures);

        Assert.Contains($"error {ProblemCodes.LearnedModel}: crisis learned: the model 'models/risk.json' is out of date", failure);
        Assert.Contains("run 'chatcoach dialogs train'", failure);
    }

    [Theory]
    [InlineData("1.5", "is not a probability from 0.5 up to 1")]
    [InlineData("0.2", "is not a probability from 0.5 up to 1")]
    [InlineData("high", "is not a probability from 0.5 up to 1")]
    public void A_threshold_that_is_not_a_probability_from_one_half_is_refused(string threshold, string message)
    {
        var result = ScriptLoader.Load("test.yaml", WithLearned(Learned.Replace("0.8", threshold, StringComparison.Ordinal)));

        Assert.Contains(result.Problems, p => p.Message.Contains(message, StringComparison.Ordinal) && p.Position.Line == 80);
    }

    [Fact]
    public void A_concern_threshold_is_read_beside_the_crisis_threshold()
    {
        var result = ScriptLoader.Load("test.yaml", WithLearned(Learned + "      concern_threshold: 0.6\n"));

        Assert.Equal(0.6, result.Script!.Crisis.Learned!.ConcernThreshold);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0.4")]
    [InlineData("often")]
    public void A_concern_threshold_that_is_not_a_probability_from_one_half_is_refused_at_its_line(string threshold)
    {
        var result = ScriptLoader.Load("test.yaml", WithLearned(Learned + $"      concern_threshold: {threshold}\n"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.WrongType, problem.Code);
        Assert.Equal(81, problem.Position.Line);
        Assert.Contains($"concern_threshold '{threshold}' is not a probability from 0.5 up to 1", problem.Message);
    }

    [Fact]
    public void Both_thresholds_are_checked_so_one_reload_names_every_bad_one()
    {
        var result = ScriptLoader.Load("test.yaml", WithLearned(Learned.Replace("0.8", "1.5", StringComparison.Ordinal) + "      concern_threshold: 0.3\n"));

        Assert.Equal([80, 81], result.Problems.Where(p => p.Code == ProblemCodes.WrongType).Select(p => p.Position.Line).Order());
    }

    [Theory]
    [InlineData("tests/crisis")]
    [InlineData("tests")]
    [InlineData("tests/crisis/tuning")]
    public void Examples_that_overlap_the_corpus_are_refused(string examples)
    {
        var learned = Learned.Replace("tests/examples", examples, StringComparison.Ordinal) + "    corpus: tests/crisis\n";

        var result = ScriptLoader.Load("test.yaml", WithLearned(learned));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.LearnedModel, problem.Code);
        Assert.Contains($"examples '{examples}' overlap the corpus 'tests/crisis'", problem.Message);
    }

    public void Dispose() => _folder.Dispose();
}
