using ChatCoach.Core.Safety;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Tests.Safety;

/// <summary>The learned reader: trained on a small corpus, saved and read back, and asked only where the patterns allow.</summary>
public sealed class RiskModelTests
{
    private static readonly Crisis Crisis = TestScripts.Load().Crisis;

    private static readonly string[] Concern =
    [
        "nothing will ever change for me", "there is nothing left for me", "nothing will change, i am stuck forever", "i am stuck and nothing will change",
        "nothing left, nothing ahead", "stuck forever, nothing left to try", "i feel there is nothing left", "nothing will ever get better",
    ];

    private static CrisisCorpus Examples(params string[] extraNone)
    {
        string[] crisis =
        [
            "the pills are counted and tonight is the night", "i counted my pills again, tonight", "wrote letters to my family, the rope is ready",
            "the rope is in my car", "gave my cat away, i wont need her", "letters are written, bridge tomorrow", "tonight i take all the pills",
            "i have the pills and the letters ready", "bridge at dawn, letters on the desk", "sold my things, tonight is the night",
        ];
        string[] none =
        [
            "what should i study first", "i graduated in 2019", "two attempts so far", "can we talk about research", "my visa expires in june",
            "i have six months of observership", "which programs take old graduates", "i want a plan for step 2", "how long should i study",
            "is a gap of two years bad", "my family is supportive", "i passed step 2 with 240",
        ];
        var messages = crisis.Select(m => (m, SafetyLevel.Crisis))
            .Concat(Concern.Select(m => (m, SafetyLevel.Concern)))
            .Concat(none.Concat(extraNone).Select(m => (m, SafetyLevel.None))).ToList();
        return new CrisisCorpus([new CorpusPart("part1", messages)]);
    }

    private static SafetyClassifier Classifier(RiskModel model, double threshold = 0.8, double? concern = null) => SafetyClassifier.Compile(Crisis with
    {
        Learned = new LearnedReader("examples", "model.json", threshold, SourcePosition.Start) { ConcernThreshold = concern },
        Model = model,
    }).Classifier;

    [Fact]
    public void A_message_no_pattern_reads_is_crisis_when_its_words_are_those_of_the_crisis_examples()
    {
        var classifier = Classifier(RiskModel.Train(Crisis, Examples()));

        var reading = classifier.Read("letters written, pills counted, tonight");

        Assert.Equal(SafetyLevel.Crisis, reading.Level);
        Assert.StartsWith("learned: ", reading.Pattern);
        Assert.Equal(SafetyLevel.None, SafetyClassifier.Compile(Crisis).Classifier.Classify("letters written, pills counted, tonight"));
        Assert.Equal(SafetyLevel.None, classifier.Classify("which programs should i study for"));
    }

    [Fact]
    public void With_a_concern_threshold_hopelessness_no_pattern_reads_is_concern_and_crisis_stays_crisis()
    {
        var model = RiskModel.Train(Crisis, Examples());
        var classifier = Classifier(model, concern: 0.7);

        var reading = classifier.Read("honestly nothing is left and nothing changes");

        Assert.Equal(SafetyLevel.Concern, reading.Level);
        Assert.StartsWith("learned concern: ", reading.Pattern);
        Assert.Equal(SafetyLevel.None, Classifier(model).Classify("honestly nothing is left and nothing changes"));
        Assert.Equal(SafetyLevel.Crisis, classifier.Classify("letters written, pills counted, tonight"));
        Assert.Equal(SafetyLevel.None, classifier.Classify("which programs should i study for"));
        var guarded = SafetyClassifier.Compile(Crisis with
        {
            Learned = new LearnedReader("examples", "model.json", 0.8, SourcePosition.Start)
            {
                ConcernThreshold = 0.7,
                Unless = [new PatternText("nothing changes", SourcePosition.Start)],
            },
            Model = model,
        }).Classifier;
        Assert.Equal(SafetyLevel.None, guarded.Classify("honestly nothing is left and nothing changes"));
    }

    [Fact]
    public void The_threshold_decides_how_sure_the_reader_must_be()
    {
        var model = RiskModel.Train(Crisis, Examples());

        Assert.Equal(SafetyLevel.Crisis, Classifier(model, 0.6).Classify("my pills"));
        Assert.Equal(SafetyLevel.None, Classifier(model, 0.999).Classify("my pills"));
    }

    [Fact]
    public void The_reader_does_not_read_the_words_an_exception_covers_but_reads_the_rest_of_the_message()
    {
        var script = TestScripts.Load(TestScripts.Yaml.Replace(
            """patterns: ["kill myself", "end it all", "want to die"]""",
            """patterns: [{match: "pills tonight", unless: ["pills tonight for my migraine"]}, "kill myself"]""", StringComparison.Ordinal));
        var model = RiskModel.Train(script.Crisis, Examples());
        var classifier = SafetyClassifier.Compile(script.Crisis with
        {
            Learned = new LearnedReader("examples", "model.json", 0.5, SourcePosition.Start),
            Model = model,
        }).Classifier;

        // Read whole, the excepted words are the examples' crisis words.
        Assert.Equal(SafetyLevel.Crisis, Classifier(model, 0.5).Classify("pills tonight for my migraine"));
        Assert.Equal(SafetyLevel.None, classifier.Classify("pills tonight for my migraine"));
        Assert.Equal(SafetyLevel.Crisis, classifier.Classify("pills tonight for my migraine. the letters are written and the rope is ready"));
    }

    [Fact]
    public void An_exception_to_a_one_word_pattern_reads_that_word_otherwise_and_leaves_it_to_the_reader()
    {
        var script = TestScripts.Load(TestScripts.Yaml.Replace(
            """patterns: ["kill myself", "end it all", "want to die"]""",
            """patterns: [{match: "pills", unless: ["pills for my migraine", "pills tonight for my migraine"]}, {match: "my pills tonight", unless: ["my pills tonight for my migraine"]}]""",
            StringComparison.Ordinal));
        var classifier = SafetyClassifier.Compile(script.Crisis with
        {
            Learned = new LearnedReader("examples", "model.json", 0.5, SourcePosition.Start),
            Model = RiskModel.Train(script.Crisis, Examples()),
        }).Classifier;

        Assert.Equal(SafetyLevel.Crisis, classifier.Classify("tonight the pills for my migraine, all of them"));
        Assert.Equal(SafetyLevel.None, classifier.Classify("my pills tonight for my migraine"));
    }

    [Fact]
    public void The_reader_does_not_read_someone_elses_words_unless_the_speaker_speaks_of_themselves_after_them()
    {
        var crisis = Crisis with { FirstPerson = ["i", "my"], ThirdPerson = ["he"] };
        var classifier = SafetyClassifier.Compile(crisis with
        {
            Learned = new LearnedReader("examples", "model.json", 0.5, SourcePosition.Start),
            Model = RiskModel.Train(crisis, Examples("he said he would")),
        }).Classifier;

        Assert.Equal(SafetyLevel.None, classifier.Classify("he said he would end it all"));
        Assert.Equal(SafetyLevel.Crisis, classifier.Classify("he said he would end it all. the letters are written and the rope is ready"));
        Assert.Equal(SafetyLevel.Crisis, classifier.Classify("he said he would end it all, and tonight i counted my pills"));
        Assert.Equal(SafetyLevel.Crisis, classifier.Classify("the letters are written and the rope is ready, he said he would end it all"));
        Assert.Equal(SafetyLevel.Crisis, classifier.Classify("the letters are written and the rope is ready for my self, he said he would end it all"));
    }

    [Fact]
    public void A_phrase_split_or_joined_differently_reads_like_the_examples()
    {
        string[] crisis = ["no one will miss me", "honestly no one will miss me", "no one will miss me when i am gone", "no one will miss me anyway"];
        string[] none =
        [
            "no one will grade me", "no one will grade me anyway", "one more question for me", "no one told me about the fee",
            "everyone will be there", "i will be there anyway", "what should i study first", "i graduated in 2019",
        ];
        var examples = new CrisisCorpus([new CorpusPart("part1",
            [.. crisis.Select(m => (m, SafetyLevel.Crisis)), .. none.Select(m => (m, SafetyLevel.None))])]);

        var classifier = Classifier(RiskModel.Train(Crisis, examples), 0.6);

        Assert.Equal(SafetyLevel.Crisis, classifier.Classify("noone will missme"));
        Assert.Equal(SafetyLevel.None, classifier.Classify("noone will grademe"));
    }

    [Fact]
    public void A_script_without_a_learned_section_ignores_a_model()
    {
        var model = RiskModel.Train(Crisis, Examples());

        var classifier = SafetyClassifier.Compile(Crisis with { Model = model }).Classifier;

        Assert.Equal(SafetyLevel.None, classifier.Classify("letters written, pills counted, tonight"));
    }

    [Fact]
    public async Task Training_is_deterministic_and_a_saved_model_reads_the_same()
    {
        var first = RiskModel.Train(Crisis, Examples());
        var second = RiskModel.Train(Crisis, Examples());
        using var saved = new MemoryStream();
        await first.WriteAsync(saved, CancellationToken.None);
        using var again = new MemoryStream();
        await second.WriteAsync(again, CancellationToken.None);
        saved.Position = 0;

        var read = await RiskModel.ReadAsync(saved, CancellationToken.None);

        Assert.Equal(saved.ToArray(), again.ToArray());
        Assert.Equal(first.Fingerprint, read.Fingerprint);
        Assert.Equal(30, read.Examples);
        foreach (var message in new[] { "pills tonight", "letters and the bridge", "i graduated in 2019", "my pills", "nothing left", "stuck forever" })
        {
            Assert.Equal(Classifier(first, 0.5, 0.5).Read(message), Classifier(read, 0.5, 0.5).Read(message));
        }
    }

    [Fact]
    public void The_fingerprint_changes_with_the_examples_and_with_the_rewrites()
    {
        var fingerprint = RiskModel.FingerprintOf(Crisis, Examples());

        Assert.Equal(fingerprint, RiskModel.FingerprintOf(Crisis, Examples()));
        Assert.NotEqual(fingerprint, RiskModel.FingerprintOf(Crisis, Examples("one more ordinary message")));
        Assert.NotEqual(fingerprint, RiskModel.FingerprintOf(
            Crisis with { Rewrites = new Dictionary<string, string> { ["kms"] = "kill myself" } }, Examples()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"format": 99, "bits": 18}""")]
    [InlineData("""{"format": 2, "bits": 18, "bias": 0, "fingerprint": "x", "examples": 1, "weights": "AAAA"}""")]
    [InlineData("""{"format": 3, "bits": 18, "fingerprint": "x", "examples": 1, "crisis": {"bias": 0, "weights": "AAAA"}}""")]
    public async Task A_file_that_is_not_a_model_of_this_format_is_refused(string content)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));

        await Assert.ThrowsAsync<InvalidDataException>(() => RiskModel.ReadAsync(stream, CancellationToken.None));
    }
}
