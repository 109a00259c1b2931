using ChatCoach.Core.Answers;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;
using ChatCoach.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatCoach.Tests.Conversations;

/// <summary>
/// The benchmark's form (bench/reference.yaml) stays a valid script and reads the workload's phrasings, so the
/// benchmark's correctness check cannot break unnoticed between runs.
/// </summary>
public sealed class ReferenceFormTests : IAsyncLifetime
{
    private TempDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    // Lines of shared/bench/workload.jsonl, with every phrasing the generator uses for each question.
    public static TheoryData<string[], long, long, long, string, bool, string, int> Users() => new()
    {
        { ["I failed step 1", "idk", "3 attempts", "3026", "class of 2014", "18", "clinical job in the US", "no", "emergency medicine"], 3, 2014, 18, "clinical_job", false, "emergency medicine", 2 },
        { ["start", "2 attempts", "class of 2009", "no gap", "externship", "nope", "pediatrics"], 2, 2009, 0, "externship", false, "pediatrics", 0 },
        { ["help me", "lots??", "twice", "last year-ish", "graduated in 2008", "6 months", "hands-on externship", "yes, one poster", "family medicine"], 2, 2008, 6, "externship", true, "family medicine", 2 },
        { ["hello", "-1", "once", "soon", "2020", "0", "observership", "yep", "neurology"], 1, 2020, 0, "observership", true, "neurology", 2 },
        { ["hi", "many", "three times", "2015", "0 months", "none", "yes", "pathology"], 3, 2015, 0, "none", true, "pathology", 1 },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task A_workload_user_reaches_the_plan_with_the_expected_answers(
        string[] messages, long attempts, long year, long gap, string usce, bool research, string specialty, int reasks)
    {
        var loaded = await ScriptLoader.LoadFileAsync(Path.Combine(RepositoryPaths.Root, "bench", "reference.yaml"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        var service = new ConversationService(new ScriptCatalog([loaded.Script!], "reference"), _db.Store,
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)),
            Options.Create(new PrivacyOptions()), NullLogger<ConversationService>.Instance);

        var outcomes = new List<TurnOutcome>();
        for (var k = 0; k < messages.Length; k++)
        {
            outcomes.Add((await service.HandleAsync(new Inbound("bench", "u", Input.Message(messages[k]), $"u-{k}"), default)).Outcome);
        }

        var session = await _db.Store.LoadAsync("bench", "u", default);
        Assert.Equal(TurnOutcome.Completed, outcomes[^1]);
        Assert.Equal(reasks, outcomes.Count(o => o == TurnOutcome.Reasked));
        Assert.Equal(
            new Dictionary<string, AnswerValue>
            {
                ["step1_attempts"] = AnswerValue.Of(attempts),
                ["graduation_year"] = AnswerValue.Of(year),
                ["gap_months"] = AnswerValue.Of(gap),
                ["usce"] = AnswerValue.Of(usce),
                ["research"] = AnswerValue.Of(research),
                ["specialty"] = AnswerValue.Of(specialty),
            },
            session!.Answers);
    }
}
