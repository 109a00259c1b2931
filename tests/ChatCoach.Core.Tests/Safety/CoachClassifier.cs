using ChatCoach.Core.Safety;
using ChatCoach.Core.Scripts;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Core.Tests.Safety;

/// <summary>The real coach script's crisis section, compiled once for the tests that read messages with it.</summary>
internal static class CoachClassifier
{
    private static readonly Lazy<Script> Coach = new(() =>
    {
        var result = ScriptLoader.LoadFileAsync(Path.Combine(RepositoryPaths.Dialogs, "coach.yaml")).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Script!;
    });

    private static readonly Lazy<SafetyClassifier> Classifier = new(() => SafetyClassifier.Compile(Coach.Value.Crisis).Classifier);

    public static Script Script => Coach.Value;

    public static SafetyClassifier Compiled => Classifier.Value;

    public static SafetyLevel Classify(string text) => Classifier.Value.Classify(text);
}
