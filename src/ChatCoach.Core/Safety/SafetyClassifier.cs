using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Safety;

/// <summary>
/// Reads a message for risk with a script's crisis patterns: the highest level any pattern raises, crisis first.
/// When no crisis pattern matches and the script has a learned reader, the message is crisis if the reader's
/// probability of crisis reaches the script's threshold; when no concern pattern matches either, it is concern if the
/// probability of concern reaches the concern threshold. Neither, when the message matches one of the reader's own
/// exceptions; and the reader does not read the words of a crisis or concern pattern of more than one word that the
/// script set aside (an exception, someone else's words): what moderators ruled out, the reader does not rule back in.
/// An exception to a one-word pattern says what that word means here ("die" as the German article), so the reader
/// still reads it. Compiled once per script version; pure and thread-safe.
/// </summary>
public sealed class SafetyClassifier
{
    private static readonly SafetyLevel[] Order = [SafetyLevel.Crisis, SafetyLevel.Concern, SafetyLevel.Distress];

    private readonly SafetyVocabulary _vocabulary;
    private readonly SafetyRule[] _rules;
    private readonly BrokenWords _brokenWords;
    private readonly RunTogetherWords _runTogether;
    private readonly RiskModel? _model;
    private readonly double _threshold;
    private readonly double _concernThreshold;
    private readonly SafetyPattern[] _notLearned;

    // Rules by the words that must be in a message for them to match; the rest are always tried. Indexes keep the
    // script's order, so the deciding pattern is the same as trying every rule in turn.
    private readonly Dictionary<string, int[]> _anchored;
    private readonly int[] _unanchored;

    private SafetyClassifier(SafetyVocabulary vocabulary, SafetyRule[] rules, RiskModel? model, LearnedReader? learned, SafetyPattern[] notLearned)
    {
        _vocabulary = vocabulary;
        _rules = rules;
        _model = model;
        // Above 1, a probability never reaches it: no learned reader, or no concern threshold, reads nothing.
        _threshold = learned?.Threshold ?? 2;
        _concernThreshold = learned?.ConcernThreshold ?? 2;
        _notLearned = notLearned;
        _brokenWords = new BrokenWords(rules.SelectMany(r => r.Pattern.Words), rules.SelectMany(r => r.Pattern.WrittenPairs), vocabulary.Normalizer);
        var anchors = rules.Select(r => r.Pattern.Anchors).ToArray();
        _unanchored = [.. Enumerable.Range(0, rules.Length).Where(i => anchors[i] is null)];
        _anchored = Enumerable.Range(0, rules.Length)
            .SelectMany(i => anchors[i] ?? Enumerable.Empty<string>(), (i, word) => (i, word))
            .GroupBy(x => x.word, x => x.i, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        // Inside a longer word, shorthand of one letter ("u") is a letter, and of two letters that stand for a risk
        // ("sh") is mostly the end of another word ("bangladesh").
        var shorthand = vocabulary.Normalizer.Rewrites
            .Where(r => r.Key.Length > 2 || r.Key.Length == 2 && !RaisesAlarm([.. r.Value.Select(key => new Token(key, 0))]))
            .Select(r => r.Key);
        _runTogether = new RunTogetherWords(
            rules.SelectMany(r => r.Exceptions.Prepend(r.Pattern)).SelectMany(p => p.Words),
            shorthand.Concat(vocabulary.FirstPerson).Concat(vocabulary.Fillers).Concat(vocabulary.ThirdPerson)
                .Concat(vocabulary.Reporting).Concat(vocabulary.Prepositions).Concat(vocabulary.Possessives),
            vocabulary.Normalizer);
    }

    /// <summary>Compiles <paramref name="crisis"/>; patterns with problems are left out and reported.</summary>
    public static (SafetyClassifier Classifier, IReadOnlyList<ScriptProblemAt> Problems) Compile(Crisis crisis)
    {
        ArgumentNullException.ThrowIfNull(crisis);
        var vocabulary = new SafetyVocabulary(crisis);
        var problems = new List<ScriptProblemAt>();
        var rules = new List<SafetyRule>();
        foreach (var level in Order)
        {
            foreach (var source in crisis.Levels.GetValueOrDefault(level)?.Patterns ?? [])
            {
                if (Compile(level, source, vocabulary, problems) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        var notLearned = new List<SafetyPattern>();
        foreach (var unless in crisis.Learned?.Unless ?? [])
        {
            var (pattern, error) = SafetyPattern.Parse(unless.Text, vocabulary);
            if (pattern is null)
            {
                problems.Add(new(unless.Position, ProblemCodes.PatternNeverMatches, $"crisis learned: exception '{unless.Text}': {error}",
                    "see 'Patterns' in dialogs/README.md"));
            }
            else
            {
                notLearned.Add(pattern);
            }
        }

        var model = crisis.Learned is null ? null : crisis.Model;
        return (new SafetyClassifier(vocabulary, [.. rules], model, crisis.Learned, [.. notLearned]), problems);
    }

    /// <summary>The level of <paramref name="text"/>.</summary>
    public SafetyLevel Classify(string text) => Read(text).Level;

    /// <summary>The level of <paramref name="text"/> and the pattern that decided it (null when none matched).</summary>
    public SafetyReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = _vocabulary.Normalizer.Tokens(text);
        var read = _brokenWords.Join(_runTogether.Split(tokens, RaisesAlarm));
        if (_model is null)
        {
            return Read(read);
        }

        var setAside = new List<(int Start, int End)>();
        var reading = Read(read, setAside);
        if (reading.Level is SafetyLevel.Crisis)
        {
            return reading;
        }

        var words = WordsForReader(tokens, read, setAside);
        if (words.Count == 0)
        {
            return reading;
        }

        var (crisis, concern) = _model.Probabilities(words);
        SafetyReading? learned = crisis >= _threshold ? new SafetyReading(SafetyLevel.Crisis, FormattableString.Invariant($"learned: {crisis:0.00}"))
            : concern >= _concernThreshold && reading.Level is not SafetyLevel.Concern
                ? new SafetyReading(SafetyLevel.Concern, FormattableString.Invariant($"learned concern: {concern:0.00}"))
                : null;
        return learned is { } raised && !_notLearned.Any(p => p.Matches(read).Any()) ? raised : reading;
    }

    /// <summary>
    /// What the reader reads of a message: its words less those of each crisis or concern pattern of more than one
    /// word that the script set aside (<paramref name="setAside"/>), so "my mom died last spring" does not hide "I tied
    /// a belt to the closet rod" in the same message. The reader reads the words as written (<paramref name="tokens"/>),
    /// as it was trained; with words left out, it reads them as the patterns did (<paramref name="read"/>, run-together
    /// words split and broken ones joined), where the left-out words are.
    /// </summary>
    private static List<Token> WordsForReader(List<Token> tokens, List<Token> read, List<(int Start, int End)> setAside)
    {
        if (setAside.Count == 0)
        {
            return tokens;
        }

        var aside = setAside.SelectMany(span => Enumerable.Range(span.Start, span.End - span.Start)).ToHashSet();
        return [.. read.Where((_, i) => !aside.Contains(i))];
    }

    private bool RaisesAlarm(List<Token> tokens) => Read(tokens).Level is SafetyLevel.Crisis or SafetyLevel.Concern;

    /// <summary>
    /// The first rule that matches, in script order. With <paramref name="setAside"/>, also where crisis and concern
    /// patterns of more than one word are there but set aside, over every such rule the message can reach.
    /// </summary>
    private SafetyReading Read(List<Token> tokens, List<(int Start, int End)>? setAside = null)
    {
        SafetyReading? reading = null;
        foreach (var index in Candidates(tokens))
        {
            var rule = _rules[index];
            var collect = setAside is not null && rule.Level is SafetyLevel.Crisis or SafetyLevel.Concern && !rule.Pattern.OneWord ? setAside : null;
            if (reading is not null)
            {
                // Past the deciding rule, only the set-aside words of the crisis and concern rules are wanted.
                if (collect is not null)
                {
                    rule.Matches(tokens, collect);
                }
            }
            else if (rule.Matches(tokens, collect))
            {
                var found = new SafetyReading(rule.Level, rule.Pattern.Text);
                if (setAside is null || rule.Level is SafetyLevel.Crisis)
                {
                    return found;
                }

                reading = found;
            }
        }

        return reading ?? new SafetyReading(SafetyLevel.None, null);
    }

    /// <summary>The rules that can match <paramref name="tokens"/>, in script order.</summary>
    private IEnumerable<int> Candidates(List<Token> tokens)
    {
        var candidates = new List<int>(_unanchored);
        foreach (var key in tokens.Select(t => t.Key).Distinct(StringComparer.Ordinal))
        {
            if (_anchored.TryGetValue(key, out var rules))
            {
                candidates.AddRange(rules);
            }
        }

        candidates.Sort();
        return candidates.Distinct();
    }

    private static SafetyRule? Compile(SafetyLevel level, PatternSource source, SafetyVocabulary vocabulary, List<ScriptProblemAt> problems)
    {
        var (pattern, error) = SafetyPattern.Parse(source.Match, vocabulary);
        if (pattern is null)
        {
            problems.Add(new(source.Position, ProblemCodes.PatternNeverMatches, $"crisis pattern '{source.Match}': {error}",
                "see 'Patterns' in dialogs/README.md"));
            return null;
        }

        var exceptions = new List<SafetyPattern>();
        foreach (var unless in source.Unless)
        {
            var (exception, exceptionError) = SafetyPattern.Parse(unless.Text, vocabulary);
            if (exception is null)
            {
                problems.Add(new(unless.Position, ProblemCodes.PatternNeverMatches, $"exception '{unless.Text}': {exceptionError}",
                    "see 'Patterns' in dialogs/README.md"));
            }
            else if (!exception.Samples().Any(sample => pattern.Matches(sample).Any()))
            {
                problems.Add(new(unless.Position, ProblemCodes.ExceptionNeverReached,
                    $"exception '{unless.Text}' is never reached: its pattern '{source.Match}' does not match any of its words",
                    "move the exception beside the pattern it guards, or make it contain words that pattern matches"));
            }
            else
            {
                exceptions.Add(exception.WithNoTypoFor(pattern.Names));
            }
        }

        var rule = new SafetyRule(level, pattern, exceptions, vocabulary);
        if (!pattern.Samples().Any(rule.Matches))
        {
            problems.Add(new(source.Position, ProblemCodes.PatternNeverMatches,
                $"crisis pattern '{source.Match}' can never match: its own exceptions (or a third-person word in it) cover it",
                "narrow the exceptions so they guard only the idiom"));
            return null;
        }

        return rule;
    }
}

/// <summary>A problem found while compiling a script part, before the file name is known.</summary>
public sealed record ScriptProblemAt(SourcePosition Position, string Code, string Message, string Hint);
