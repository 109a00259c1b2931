using ChatCoach.Core.Answers;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Safety;

/// <summary>
/// The safety side of one script version: the classifier, and how a message sent while coaching is paused is
/// read. The engine asks it what a message means and says the script's text for that.
/// </summary>
internal sealed class SafetyDesk
{
    private readonly PhraseMatcher _resume;
    private readonly PhraseMatcher _notSafe;
    private readonly PhraseMatcher _safe;
    private readonly HashSet<string> _unclear;
    private readonly string[] _safePhrases;
    private readonly CountryFinder _countries;

    public SafetyDesk(Crisis crisis)
    {
        Classifier = SafetyClassifier.Compile(crisis).Classifier;
        _resume = new PhraseMatcher(crisis.ResumeWords);
        _notSafe = new PhraseMatcher(crisis.NotSafe);
        _safe = new PhraseMatcher(crisis.Safe);
        _unclear = crisis.Unclear.Select(PhraseMatcher.Normalize).ToHashSet(StringComparer.Ordinal);
        _safePhrases = crisis.Safe.Select(p => $" {PhraseMatcher.Normalize(p)} ").OrderByDescending(p => p.Length).ToArray();
        _countries = new CountryFinder(crisis.Countries);
    }

    public SafetyClassifier Classifier { get; }

    /// <summary>
    /// What <paramref name="text"/> (already checked for risk, and below concern) says while paused after
    /// <paramref name="asked"/>. The reply for a country comes back in <paramref name="lines"/>.
    /// </summary>
    public PausedReading Read(string text, SafetyQuestion asked, out string? lines)
    {
        lines = null;
        var yesNo = AnswerReader.TryRead(AnswerKind.YesNo, text, new ReadContext(DateOnly.MinValue, []), out var value) ? value.Boolean : (bool?)null;
        var notSafe = _notSafe.Matches(text);
        var unclear = _unclear.Contains(PhraseMatcher.Normalize(text));
        if (asked == SafetyQuestion.AreYouSafe && (notSafe || yesNo == false || unclear)
            || asked == SafetyQuestion.HarmingYourself && (yesNo == true || unclear || notSafe))
        {
            return PausedReading.AtRisk;
        }

        if (AsksToResume(text))
        {
            return PausedReading.Resume;
        }

        if (_countries.Find(text) is { } reply)
        {
            lines = reply;
            return PausedReading.Country;
        }

        var reassured = asked == SafetyQuestion.AreYouSafe ? yesNo == true || _safe.Matches(text) : yesNo == false;
        return asked != SafetyQuestion.None && reassured ? PausedReading.Reassured : PausedReading.Other;
    }

    /// <summary>
    /// Whether the message asks to go on and says nothing else: a resume phrase, give or take politeness and saying
    /// they are safe ("I'm safe, let's continue", "ok I'm fine now, can we continue?"); not "I can't continue" and
    /// not "my resume needs work, continue is hard".
    /// </summary>
    private bool AsksToResume(string text)
    {
        var rest = $" {PhraseMatcher.Normalize(text)} ";
        foreach (var phrase in _safePhrases)
        {
            rest = rest.Replace(phrase, " ", StringComparison.Ordinal);
        }

        return _resume.MatchesWhole(rest);
    }
}
