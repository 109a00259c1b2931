using ChatCoach.Core.Safety;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Core.Tests.Safety;

/// <summary>The coach script's patterns against its corpus, part by part: each part must meet the bar on its own.</summary>
public sealed class CrisisCorpusTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Dialogs, "tests", "crisis");

    /// <summary>Every stress part measured once, for all the floor tests to read their own part from.</summary>
    private static readonly Lazy<IReadOnlyList<CorpusFigures>> StressFigures = new(() =>
        CrisisCorpus.LoadAsync(Path.Combine(RepositoryPaths.Dialogs, "tests", "crisis-stress"), CancellationToken.None)
            .GetAwaiter().GetResult()!.Measure(CoachClassifier.Compiled));

    public static TheoryData<string> Parts() => new(Directory.EnumerateDirectories(Folder).Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Parts))]
    public async Task Each_part_meets_the_bar(string part)
    {
        var corpus = await CrisisCorpus.LoadAsync(Folder, CancellationToken.None);
        var figures = corpus!.Measure(CoachClassifier.Compiled).Single(f => f.Part == part);
        var misses = string.Join("\n", figures.Misses.Select(m => $"{m.Label} -> {m.Got}: {m.Text}"));

        Assert.True(figures.CrisisRate >= CorpusFigures.CrisisBar, $"{figures}\n{misses}");
        Assert.True(figures.PositiveRate >= CorpusFigures.PositiveBar, $"{figures}\n{misses}");
        Assert.True(figures.FalseAlarmRate <= CorpusFigures.FalseAlarmBar, $"{figures}\n{misses}");
    }

    /// <summary>
    /// The stress parts were each written before a round of tuning and measured once (see their README); these
    /// floors, a little under each part's figures now, keep later edits from giving back what was won on them.
    /// The last four parts (heldout149 to heldout152) stay out, as the clean figures of the rules as they stand.
    /// heldout5 (preparation and euphemism) stays among the lowest on purpose: some of its phrases ("I've picked the
    /// day", "check out early") are everyday exam and travel talk too, and are left to the concern and paused replies.
    /// </summary>
    [Theory]
    [InlineData("heldout2", 0.98, 0.98)]
    [InlineData("heldout3", 0.98, 0.98)]
    [InlineData("heldout4", 0.98, 0.97)]
    [InlineData("heldout5", 0.94, 0.91)]
    [InlineData("heldout6", 0.97, 0.97)]
    [InlineData("heldout7", 0.98, 0.97)]
    [InlineData("heldout8", 0.95, 0.95)]
    [InlineData("heldout9", 0.98, 0.95)]
    [InlineData("heldout10", 0.97, 0.97)]
    [InlineData("heldout11", 0.96, 0.96)]
    [InlineData("heldout12", 0.96, 0.96)]
    [InlineData("heldout13", 0.96, 0.96)]
    [InlineData("heldout14", 0.98, 0.98)]
    [InlineData("heldout15", 0.98, 0.97)]
    [InlineData("heldout16", 0.98, 0.96)]
    [InlineData("heldout17", 0.95, 0.95)]
    [InlineData("heldout18", 0.95, 0.95)]
    [InlineData("heldout19", 0.98, 0.98)]
    [InlineData("heldout20", 0.97, 0.97)]
    [InlineData("heldout21", 0.98, 0.97)]
    [InlineData("heldout22", 0.98, 0.98)]
    [InlineData("heldout23", 0.96, 0.97)]
    [InlineData("heldout24", 0.94, 0.95)]
    [InlineData("heldout25", 0.91, 0.93)]
    [InlineData("heldout26", 0.96, 0.96)]
    [InlineData("heldout27", 0.97, 0.96)]
    [InlineData("heldout28", 0.92, 0.93)]
    [InlineData("heldout29", 0.97, 0.96)]
    [InlineData("heldout30", 0.96, 0.97)]
    [InlineData("heldout31", 0.96, 0.95)]
    [InlineData("heldout32", 0.97, 0.97)]
    [InlineData("heldout33", 0.98, 0.98)]
    [InlineData("heldout34", 0.96, 0.95)]
    [InlineData("heldout35", 0.98, 0.97)]
    [InlineData("heldout36", 0.96, 0.97)]
    [InlineData("heldout37", 0.96, 0.97)]
    [InlineData("heldout38", 0.97, 0.98)]
    [InlineData("heldout39", 0.98, 0.98)]
    [InlineData("heldout40", 0.98, 0.98)]
    [InlineData("heldout41", 0.97, 0.98)]
    [InlineData("heldout42", 0.98, 0.97)]
    [InlineData("heldout43", 0.96, 0.95)]
    [InlineData("heldout44", 0.97, 0.97)]
    [InlineData("heldout45", 0.98, 0.98)]
    [InlineData("heldout46", 0.95, 0.95)]
    [InlineData("heldout47", 0.98, 0.96)]
    [InlineData("heldout48", 0.98, 0.98)]
    [InlineData("heldout49", 0.98, 0.98)]
    [InlineData("heldout50", 0.98, 0.98)]
    [InlineData("heldout51", 0.98, 0.98)]
    [InlineData("heldout52", 0.96, 0.96)]
    [InlineData("heldout53", 0.96, 0.96)]
    [InlineData("heldout54", 0.96, 0.96)]
    [InlineData("heldout55", 0.96, 0.95)]
    [InlineData("heldout56", 0.87, 0.90)]
    [InlineData("heldout57", 0.97, 0.97)]
    [InlineData("heldout58", 0.97, 0.97)]
    [InlineData("heldout59", 0.98, 0.98)]
    [InlineData("heldout60", 0.96, 0.95)]
    [InlineData("heldout61", 0.98, 0.98)]
    [InlineData("heldout62", 0.98, 0.97)]
    [InlineData("heldout63", 0.98, 0.98)]
    [InlineData("heldout64", 0.95, 0.96)]
    [InlineData("heldout65", 0.98, 0.98)]
    [InlineData("heldout66", 0.98, 0.97)]
    [InlineData("heldout67", 0.98, 0.98)]
    [InlineData("heldout68", 0.97, 0.96)]
    [InlineData("heldout69", 0.95, 0.94)]
    [InlineData("heldout70", 0.85, 0.86)]
    [InlineData("heldout71", 0.92, 0.93)]
    [InlineData("heldout72", 0.93, 0.93)]
    [InlineData("heldout73", 0.97, 0.97)]
    [InlineData("heldout74", 0.96, 0.96)]
    [InlineData("heldout75", 0.97, 0.97)]
    [InlineData("heldout76", 0.98, 0.97)]
    [InlineData("heldout77", 0.97, 0.95)]
    [InlineData("heldout78", 0.98, 0.97)]
    [InlineData("heldout79", 0.96, 0.96)]
    [InlineData("heldout80", 0.94, 0.95)]
    [InlineData("heldout81", 0.98, 0.97)]
    [InlineData("heldout82", 0.99, 0.98)]
    [InlineData("heldout83", 0.98, 0.98)]
    [InlineData("heldout84", 0.98, 0.98)]
    [InlineData("heldout85", 0.98, 0.98)]
    [InlineData("heldout86", 0.99, 0.99)]
    [InlineData("heldout87", 0.98, 0.97)]
    [InlineData("heldout88", 0.94, 0.91)]
    [InlineData("heldout89", 0.99, 0.99)]
    [InlineData("heldout90", 0.97, 0.96)]
    [InlineData("heldout91", 0.99, 0.99)]
    [InlineData("heldout92", 0.98, 0.96)]
    [InlineData("heldout93", 0.99, 0.99)]
    [InlineData("heldout94", 0.98, 0.97)]
    [InlineData("heldout95", 0.99, 0.99)]
    [InlineData("heldout96", 0.95, 0.95)]
    [InlineData("heldout97", 0.99, 0.98)]
    [InlineData("heldout98", 0.95, 0.95)]
    [InlineData("heldout99", 0.99, 0.99)]
    [InlineData("heldout100", 0.99, 0.98)]
    [InlineData("heldout101", 0.98, 0.98)]
    [InlineData("heldout102", 0.99, 0.99)]
    [InlineData("heldout103", 0.95, 0.94)]
    [InlineData("heldout104", 0.98, 0.97)]
    [InlineData("heldout105", 0.99, 0.99)]
    [InlineData("heldout106", 0.99, 0.97)]
    [InlineData("heldout107", 0.99, 0.98)]
    [InlineData("heldout108", 0.97, 0.96)]
    [InlineData("heldout109", 0.97, 0.97)]
    [InlineData("heldout110", 0.98, 0.97)]
    [InlineData("heldout111", 0.98, 0.96)]
    [InlineData("heldout112", 0.96, 0.94)]
    [InlineData("heldout113", 0.99, 0.99)]
    [InlineData("heldout114", 0.99, 0.98)]
    [InlineData("heldout115", 0.99, 0.99)]
    [InlineData("heldout116", 0.98, 0.97)]
    [InlineData("heldout117", 0.99, 0.98)]
    [InlineData("heldout118", 0.99, 0.98)]
    [InlineData("heldout119", 0.99, 0.98)]
    [InlineData("heldout120", 0.99, 0.99)]
    [InlineData("heldout121", 0.98, 0.98)]
    [InlineData("heldout122", 0.99, 0.97)]
    [InlineData("heldout123", 0.98, 0.98)]
    [InlineData("heldout124", 0.92, 0.94)]
    [InlineData("heldout125", 0.98, 0.97)]
    [InlineData("heldout126", 0.96, 0.95)]
    [InlineData("heldout127", 0.99, 0.99)]
    [InlineData("heldout128", 0.97, 0.96)]
    [InlineData("heldout129", 0.98, 0.98)]
    [InlineData("heldout130", 0.97, 0.96)]
    [InlineData("heldout131", 0.99, 0.99)]
    [InlineData("heldout132", 0.99, 0.99)]
    [InlineData("heldout133", 0.99, 0.99)]
    [InlineData("heldout134", 0.98, 0.97)]
    [InlineData("heldout135", 0.99, 0.99)]
    [InlineData("heldout136", 0.98, 0.98)]
    [InlineData("heldout137", 0.98, 0.98)]
    [InlineData("heldout138", 0.97, 0.97)]
    [InlineData("heldout139", 0.99, 0.99)]
    [InlineData("heldout140", 0.96, 0.95)]
    [InlineData("heldout141", 0.98, 0.98)]
    [InlineData("heldout142", 0.97, 0.96)]
    [InlineData("heldout143", 0.99, 0.99)]
    [InlineData("heldout144", 0.99, 0.99)]
    [InlineData("heldout145", 0.98, 0.98)]
    [InlineData("heldout146", 0.97, 0.96)]
    [InlineData("heldout147", 0.99, 0.99)]
    [InlineData("heldout148", 0.99, 0.98)]
    public void Each_stress_part_keeps_its_floor(string part, double crisisFloor, double positiveFloor)
    {
        var figures = StressFigures.Value.Single(f => f.Part == part);
        var misses = string.Join("\n", figures.Misses.Select(m => $"{m.Label} -> {m.Got}: {m.Text}"));

        Assert.True(figures.CrisisRate >= crisisFloor, $"{figures}\n{misses}");
        Assert.True(figures.PositiveRate >= positiveFloor, $"{figures}\n{misses}");
        Assert.True(figures.FalseAlarmRate <= CorpusFigures.FalseAlarmBar, $"{figures}\n{misses}");
    }

    [Fact]
    public async Task The_corpus_holds_400_positives_and_400_negatives_and_the_held_out_part_a_third_of_each()
    {
        var corpus = await CrisisCorpus.LoadAsync(Folder, CancellationToken.None);
        var all = corpus!.Parts.SelectMany(p => p.Messages).ToList();
        var heldOut = corpus.Parts.Single(p => p.Name == "heldout").Messages;

        Assert.True(all.Count(m => m.Label >= SafetyLevel.Concern) >= 400);
        Assert.True(all.Count(m => m.Label < SafetyLevel.Concern) >= 400);
        Assert.True(heldOut.Count(m => m.Label >= SafetyLevel.Concern) >= 400 / 3);
        Assert.True(heldOut.Count(m => m.Label < SafetyLevel.Concern) >= 400 / 3);
    }

    [Fact]
    public void Figures_below_the_bar_fail_and_name_what_was_missed()
    {
        var part = new CorpusPart("probe", [("I want to die", SafetyLevel.Crisis), ("I can't take it anymore", SafetyLevel.Crisis), ("no", SafetyLevel.None)]);

        var figures = CorpusFigures.Of(part, SafetyClassifier.Compile(CoachClassifier.Script.Crisis).Classifier);

        Assert.False(figures.Passes);
        Assert.Equal(0.5, figures.CrisisRate);
        Assert.Equal(1.0, figures.PositiveRate);
        Assert.Equal(("I can't take it anymore", SafetyLevel.Crisis, SafetyLevel.Concern), Assert.Single(figures.Misses));
        Assert.Contains("BELOW THE BAR", figures.ToString(), StringComparison.Ordinal);
    }
}
