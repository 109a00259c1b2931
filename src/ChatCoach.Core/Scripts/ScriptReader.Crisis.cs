using ChatCoach.Core.Safety;
using YamlDotNet.RepresentationModel;

namespace ChatCoach.Core.Scripts;

/// <summary>Reads the crisis section: vocabulary, levels with their patterns and exceptions, replies and countries.</summary>
internal sealed partial class ScriptReader
{
    private static readonly string[] CrisisKeys =
    [
        "corpus", "learned", "rewrites", "glued", "fillers", "first_person", "third_person", "prepositions", "possessives", "reporting", "self_naming", "ages", "sets", "levels", "paused_reply", "urgent_reply",
        "safe_reply", "care_reply", "not_safe", "safe", "unclear", "resume_words", "resume_reply", "countries",
    ];

    private static readonly string[] LearnedKeys = ["examples", "model", "threshold", "concern_threshold", "unless"];
    private static readonly string[] LevelKeys = ["opening", "reply", "patterns"];
    private static readonly string[] PatternKeys = ["match", "unless"];
    private static readonly string[] CountryKeys = ["names", "reply"];

    private Crisis? ReadCrisis(YamlMappingNode? map)
    {
        if (map is null)
        {
            return null;
        }

        CheckKeys(map, CrisisKeys, "crisis");
        var levels = ReadLevels(map);
        var resumeWords = StringList(map, "resume_words");
        if (resumeWords.Count == 0)
        {
            problems.Add(Position(map), ProblemCodes.MissingKey, "crisis has no 'resume_words'", "list how a user says to go back to coaching, e.g. continue");
        }

        var paused = RequiredText(map, "paused_reply", "crisis");
        var urgent = RequiredText(map, "urgent_reply", "crisis");
        var safe = RequiredText(map, "safe_reply", "crisis");
        var resume = RequiredText(map, "resume_reply", "crisis");
        var care = OptionalText(map, "care_reply");
        if (levels.ContainsKey(SafetyLevel.Concern) && care is null)
        {
            problems.Add(KeyPosition(map, "levels"), ProblemCodes.MissingKey, "crisis has a concern level but no 'care_reply'",
                "add 'care_reply:', the word of care said when the person is not thinking of harming themselves");
        }

        if (paused is null || urgent is null || safe is null || resume is null || !levels.ContainsKey(SafetyLevel.Crisis))
        {
            return null;
        }

        var crisis = new Crisis
        {
            Corpus = map.Children.ContainsKey("corpus") ? RequiredScalar(map, "corpus", "crisis") : null,
            Learned = ReadLearned(map),
            Rewrites = ReadRewrites(map),
            Glued = StringList(map, "glued"),
            Fillers = StringList(map, "fillers"),
            FirstPerson = StringList(map, "first_person"),
            ThirdPerson = StringList(map, "third_person"),
            Prepositions = StringList(map, "prepositions"),
            Possessives = StringList(map, "possessives"),
            Reporting = StringList(map, "reporting"),
            SelfNaming = StringList(map, "self_naming"),
            Ages = StringList(map, "ages"),
            Sets = ReadSets(map),
            Levels = levels,
            PausedReply = paused,
            UrgentReply = urgent,
            SafeReply = safe,
            CareReply = care,
            NotSafe = StringList(map, "not_safe"),
            Safe = StringList(map, "safe"),
            Unclear = StringList(map, "unclear"),
            ResumeWords = resumeWords,
            ResumeReply = resume,
            Countries = ReadCountries(map),
        };
        foreach (var problem in SafetyClassifier.Compile(crisis).Problems)
        {
            problems.Add(problem.Position, problem.Code, problem.Message, problem.Hint);
        }

        return crisis;
    }

    private LearnedReader? ReadLearned(YamlMappingNode crisis)
    {
        if (Mapping(crisis, "learned", required: false) is not { } map)
        {
            return null;
        }

        CheckKeys(map, LearnedKeys, "crisis learned");
        var examples = RequiredScalar(map, "examples", "crisis learned");
        var model = RequiredScalar(map, "model", "crisis learned");
        var probability = Probability(map, "threshold", RequiredScalar(map, "threshold", "crisis learned"), "crisis");
        var hasConcern = map.Children.ContainsKey("concern_threshold");
        var concern = hasConcern ? Probability(map, "concern_threshold", RequiredScalar(map, "concern_threshold", "crisis learned"), "concern") : null;
        if (probability is null || hasConcern && concern is null)
        {
            return null;
        }

        if (examples is null || model is null)
        {
            return null;
        }

        // The corpus is the bar a reload must meet; a reader trained on it would be marked on its own homework.
        if (crisis.Children.TryGetValue("corpus", out var corpusNode) && corpusNode is YamlScalarNode { Value: { Length: > 0 } corpus }
            && Overlap(corpus, examples))
        {
            Add(map.Children["examples"], ProblemCodes.LearnedModel, $"crisis learned: examples '{examples}' overlap the corpus '{corpus}'",
                "train on another folder (e.g. tests/crisis-stress), so the corpus stays unseen by the reader it measures");
            return null;
        }

        var unless = Sequence(map, "unless")?.Children.OfType<YamlScalarNode>()
            .Where(u => u.Value is { Length: > 0 })
            .Select(u => new PatternText(u.Value!, Position(u)))
            .ToList() ?? [];
        return new LearnedReader(examples, model, probability.Value, Position(map)) { ConcernThreshold = concern, Unless = unless };
    }

    private double? Probability(YamlMappingNode map, string key, string? text, string level)
    {
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var probability)
            && probability is >= 0.5 and < 1)
        {
            return probability;
        }

        if (text is not null)
        {
            Add(map.Children[key], ProblemCodes.WrongType, $"crisis learned: {key} '{text}' is not a probability from 0.5 up to 1",
                $"write the probability from which a message reads as {level}, e.g. 0.8");
        }

        return null;
    }

    // Both paths are relative to the dialogs folder; any common root resolves "tests/../tests/crisis" the same way.
    private static bool Overlap(string first, string second)
    {
        static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(Path.GetTempPath(), path))) + Path.DirectorySeparatorChar;
        var (a, b) = (Full(first), Full(second));
        return a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);
    }

    private Dictionary<SafetyLevel, SafetyLevelDefinition> ReadLevels(YamlMappingNode crisis)
    {
        var levels = new Dictionary<SafetyLevel, SafetyLevelDefinition>();
        var map = Mapping(crisis, "levels", required: true);
        foreach (var (key, value) in Entries(map))
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            SafetyLevel? parsed = name switch
            {
                "crisis" => SafetyLevel.Crisis,
                "concern" => SafetyLevel.Concern,
                "distress" => SafetyLevel.Distress,
                _ => null,
            };
            if (parsed is not { } level)
            {
                Add(key, ProblemCodes.UnknownKey, $"crisis levels: unknown level '{name}'", "use crisis, concern or distress");
                continue;
            }

            if (value is not YamlMappingNode body)
            {
                Add(value, ProblemCodes.WrongType, $"level '{name}' must be a mapping", "give it 'opening:', 'reply:' and 'patterns:'");
                continue;
            }

            CheckKeys(body, LevelKeys, $"level '{name}'");
            var opening = RequiredText(body, "opening", $"level '{name}'");
            var reply = level == SafetyLevel.Distress ? OptionalText(body, "reply") : RequiredText(body, "reply", $"level '{name}'");
            var patterns = ReadPatterns(body, name);
            if (opening is not null && (reply is not null || level == SafetyLevel.Distress))
            {
                levels[level] = new SafetyLevelDefinition(opening, reply, patterns);
            }
        }

        if (map is not null && !levels.ContainsKey(SafetyLevel.Crisis) && !map.Children.ContainsKey("crisis"))
        {
            problems.Add(Position(map), ProblemCodes.MissingKey, "crisis levels have no 'crisis' level", "add 'crisis:' with opening, reply and patterns");
        }

        return levels;
    }

    private List<PatternSource> ReadPatterns(YamlMappingNode level, string name)
    {
        var patterns = new List<PatternSource>();
        var list = Sequence(level, "patterns", required: true);
        foreach (var item in list?.Children ?? [])
        {
            switch (item)
            {
                case YamlScalarNode { Value: { Length: > 0 } text }:
                    patterns.Add(new PatternSource(text, [], Position(item)));
                    break;
                case YamlMappingNode body:
                    CheckKeys(body, PatternKeys, $"a pattern of level '{name}'");
                    if (RequiredScalar(body, "match", $"a pattern of level '{name}'") is { } match)
                    {
                        var unless = Sequence(body, "unless")?.Children.OfType<YamlScalarNode>()
                            .Where(u => u.Value is { Length: > 0 })
                            .Select(u => new PatternText(u.Value!, Position(u)))
                            .ToList() ?? [];
                        patterns.Add(new PatternSource(match, unless, Position(body.Children[new YamlScalarNode("match")])));
                    }

                    break;
                default:
                    Add(item, ProblemCodes.WrongType, "each pattern is text, or a mapping with 'match' and 'unless'",
                        "write '- want to die' or '- match: ...' then 'unless: [...]'");
                    break;
            }
        }

        if (list is not null && patterns.Count == 0)
        {
            Add(list, ProblemCodes.MissingKey, $"level '{name}' has no patterns", "list at least one pattern");
        }

        return patterns;
    }

    private Dictionary<string, string> ReadRewrites(YamlMappingNode crisis)
    {
        var rewrites = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(Mapping(crisis, "rewrites", required: false)))
        {
            if (value is YamlScalarNode { Value: { Length: > 0 } text })
            {
                rewrites[((YamlScalarNode)key).Value ?? string.Empty] = text;
            }
            else
            {
                Add(value, ProblemCodes.WrongType, "each rewrite maps a word to the words it stands for", "write for example 'kms: kill myself'");
            }
        }

        return rewrites;
    }

    private Dictionary<string, IReadOnlyList<string>> ReadSets(YamlMappingNode crisis)
    {
        var sets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var map = Mapping(crisis, "sets", required: false);
        foreach (var (key, _) in Entries(map))
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            sets[name] = StringList(map!, name);
        }

        return sets;
    }

    private List<CountryLines> ReadCountries(YamlMappingNode crisis)
    {
        var countries = new List<CountryLines>();
        foreach (var item in Sequence(crisis, "countries")?.Children ?? [])
        {
            if (item is YamlMappingNode country)
            {
                CheckKeys(country, CountryKeys, "a crisis country");
                var reply = RequiredText(country, "reply", "a crisis country");
                var names = StringList(country, "names");
                if (reply is not null && names.Count > 0)
                {
                    countries.Add(new CountryLines(names, reply));
                }
            }
            else
            {
                Add(item, ProblemCodes.WrongType, "each crisis country must be a mapping with names and reply", "write '- names: [..]' then 'reply: ...'");
            }
        }

        return countries;
    }
}
