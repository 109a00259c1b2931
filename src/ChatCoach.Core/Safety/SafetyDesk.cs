using ChatCoach.Core.Answers;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Safety;

/// <summary>
/// The safety side of one script version: the classifier, what each level says, and how a message sent while
/// coaching is paused is read against the safety question asked last. It changes only the session's safety state;
/// the engine says the texts and, when coaching resumes, asks the open question.
/// </summary>
internal sealed class SafetyDesk
{
    private readonly Crisis _crisis;
    private readonly PhraseMatcher _resume;
    private readonly PhraseMatcher _notSafe;
    private readonly PhraseMatcher _safe;
    private readonly HashSet<string> _unclear;
    private readonly string[] _safePhrases;
    private readonly CountryFinder _countries;

    public SafetyDesk(Crisis crisis)
    {
        _crisis = crisis;
        Classifier = SafetyClassifier.Compile(crisis).Classifier;
        _resume = new PhraseMatcher(crisis.ResumeWords);
        _notSafe = new PhraseMatcher(crisis.NotSafe);
        _safe = new PhraseMatcher(crisis.Safe);
        _unclear = crisis.Unclear.Select(PhraseMatcher.Normalize).ToHashSet(StringComparer.Ordinal);
        _safePhrases = crisis.Safe.Select(p => $" {PhraseMatcher.Normalize(p)} ").OrderByDescending(p => p.Length).ToArray();
        _countries = new CountryFinder(crisis.Countries);
    }

    public SafetyClassifier Classifier { get; }

    /// <summary>The line of acknowledgement for distress, said before the open question is asked again.</summary>
    public string Acknowledgement => _crisis.Levels[SafetyLevel.Distress].Opening;

    /// <summary>
    /// The response to a crisis or concern message in any state; null below concern. While paused, concern is read
    /// as the riskier answer to the question asked last.
    /// </summary>
    public SafetyStep? Raise(SafetyLevel level, Session session)
    {
        var asked = session.Paused ? session.SafetyQuestion : SafetyQuestion.None;
        return level switch
        {
            SafetyLevel.Crisis => Pause(SafetyLevel.Crisis, session),
            SafetyLevel.Concern when asked == SafetyQuestion.HarmingYourself => Pause(SafetyLevel.Crisis, session),
            SafetyLevel.Concern when asked == SafetyQuestion.AreYouSafe => new SafetyStep(TurnOutcome.Paused, [_crisis.UrgentReply]),
            SafetyLevel.Concern => Pause(SafetyLevel.Concern, session),
            _ => null,
        };
    }

    /// <summary>The response to a message below concern while coaching is paused.</summary>
    public SafetyStep Paused(string text, Session session)
    {
        var asked = session.SafetyQuestion;
        switch (Read(text, asked, out var lines))
        {
            case PausedReading.Resume:
                return Unpause(_crisis.ResumeReply, session);
            case PausedReading.AtRisk when asked == SafetyQuestion.HarmingYourself:
                return Pause(SafetyLevel.Crisis, session);
            case PausedReading.AtRisk:
                return new SafetyStep(TurnOutcome.Paused, [_crisis.UrgentReply]);
            case PausedReading.Reassured when asked == SafetyQuestion.HarmingYourself:
                return Unpause(_crisis.CareReply!, session);
            case PausedReading.Reassured:
                session.SafetyQuestion = SafetyQuestion.None;
                return new SafetyStep(TurnOutcome.Paused, [_crisis.SafeReply]);
            case PausedReading.Country:
                return new SafetyStep(TurnOutcome.Paused, [lines!]);
            default:
                return PausedNote(session);
        }
    }

    /// <summary>The paused note, or the concern question again while it waits for an answer; remembered as shown.</summary>
    public SafetyStep PausedNote(Session session)
    {
        session.PauseNoted = true;
        return new SafetyStep(TurnOutcome.Paused, [session.SafetyQuestion == SafetyQuestion.HarmingYourself
            ? _crisis.Levels[SafetyLevel.Concern].Reply!
            : _crisis.PausedReply]);
    }

    /// <summary>Pauses coaching with the level's first reply, which opens with its fixed sentence and asks its question.</summary>
    private SafetyStep Pause(SafetyLevel level, Session session)
    {
        var said = _crisis.Levels[level];
        session.Paused = true;
        session.Pending = null;
        session.SafetyQuestion = level == SafetyLevel.Crisis ? SafetyQuestion.AreYouSafe : SafetyQuestion.HarmingYourself;
        return new SafetyStep(level == SafetyLevel.Crisis ? TurnOutcome.Crisis : TurnOutcome.Concern, [said.Opening, said.Reply!]);
    }

    private static SafetyStep Unpause(string text, Session session)
    {
        session.Paused = false;
        session.SafetyQuestion = SafetyQuestion.None;
        return new SafetyStep(TurnOutcome.Resumed, [text], Resumes: true);
    }

    /// <summary>
    /// What <paramref name="text"/> (already checked for risk, and below concern) says while paused after
    /// <paramref name="asked"/>. The reply for a country comes back in <paramref name="lines"/>.
    /// </summary>
    private PausedReading Read(string text, SafetyQuestion asked, out string? lines)
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
