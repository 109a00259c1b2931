using System.Globalization;
using ChatCoach.Core.Answers;
using ChatCoach.Core.Seasons;
using YamlDotNet.RepresentationModel;

namespace ChatCoach.Core.Scripts;

/// <summary>The sections about time and understanding: seasons, the realistic Match, unknown answers, advice phases.</summary>
internal sealed partial class ScriptReader
{
    private static readonly string[] UnderstandingKeys = ["unknown_words", "move_on_after"];
    private static readonly string[] SeasonKeys = ["from", "to", "match_in_progress", "next_match", .. Season.DateNames];
    private static readonly string[] SeasonDateKeys = ["date", "inferred"];
    private static readonly string[] RealisticMatchKeys = ["not_before", "rules"];
    private static readonly string[] MatchRuleKeys = ["when", "add", "because"];
    private static readonly string[] Phases = ["now", "before_season", "in_season"];

    private Understanding ReadUnderstanding(YamlMappingNode? map)
    {
        if (map is null)
        {
            return Understanding.Off;
        }

        CheckKeys(map, UnderstandingKeys, "understanding");
        var moveOn = Number(map, "move_on_after") ?? 0;
        if (moveOn < 0)
        {
            Add(map.Children["move_on_after"], ProblemCodes.BadBounds, "understanding: 'move_on_after' is negative", "use 0 to keep asking, or 3");
        }

        return new Understanding(StringList(map, "unknown_words"), (int)Math.Clamp(moveOn, 0, int.MaxValue));
    }

    private List<Season> ReadSeasons(YamlSequenceNode? list)
    {
        var seasons = new List<Season>();
        foreach (var item in list?.Children ?? [])
        {
            if (item is not YamlMappingNode map)
            {
                Add(item, ProblemCodes.WrongType, "each season must be a mapping", "write '- from: YYYY-MM-DD' with to, match_in_progress, next_match and the dates");
                continue;
            }

            CheckKeys(map, SeasonKeys, "a season");
            var from = RequiredDate(map, "from");
            var to = RequiredDate(map, "to");
            var inProgress = RequiredNumber(map, "match_in_progress");
            var next = RequiredNumber(map, "next_match");
            var dates = new Dictionary<string, SeasonDate>(StringComparer.Ordinal);
            foreach (var name in Season.DateNames)
            {
                if (ReadSeasonDate(map, name) is { } date)
                {
                    dates[name] = date;
                }
            }

            if (from is { } f && to is { } t && inProgress is { } m && next is { } n)
            {
                if (f > t)
                {
                    Add(map.Children["from"], ProblemCodes.BadSeasons, $"season from {f:yyyy-MM-dd} starts after it ends ({t:yyyy-MM-dd})", "swap them or correct one");
                }

                seasons.Add(new Season { From = f, To = t, MatchInProgress = (int)m, NextMatch = (int)n, Dates = dates, Position = Position(map) });
            }
        }

        return seasons;
    }

    private SeasonDate? ReadSeasonDate(YamlMappingNode season, string name)
    {
        if (!season.Children.TryGetValue(name, out var node))
        {
            problems.Add(Position(season), ProblemCodes.MissingKey, $"a season has no '{name}'",
                $"add '{name}: YYYY-MM-DD', or '{{ date: YYYY-MM-DD, inferred: true }}' when it is continued from earlier years");
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            return Date(node, $"season '{name}'") is { } published ? new SeasonDate(published, Inferred: false) : null;
        }

        CheckKeys(map, SeasonDateKeys, $"season '{name}'");
        var inferred = map.Children.TryGetValue("inferred", out var flag) && flag is YamlScalarNode { Value: "true" };
        return RequiredDate(map, "date") is { } date ? new SeasonDate(date, inferred) : null;
    }

    private RealisticMatch? ReadRealisticMatch(YamlMappingNode? map)
    {
        if (map is null)
        {
            return null;
        }

        CheckKeys(map, RealisticMatchKeys, "realistic_match");
        var rules = new List<MatchRule>();
        foreach (var item in Sequence(map, "rules", required: true)?.Children ?? [])
        {
            if (item is not YamlMappingNode rule)
            {
                Add(item, ProblemCodes.WrongType, "each realistic_match rule must be a mapping", "write '- when: {...}', 'add: 1' and 'because: ...'");
                continue;
            }

            CheckKeys(rule, MatchRuleKeys, "a realistic_match rule");
            var when = rule.Children.TryGetValue("when", out var w) ? ReadCondition(w) : null;
            int? add = rule.Children.TryGetValue("add", out var a) && a is YamlScalarNode { Value: "none" } ? null : (int?)(Number(rule, "add") ?? 0);
            if (RequiredText(rule, "because", "a realistic_match rule") is { } because)
            {
                rules.Add(new MatchRule(when, add, because, Position(rule)));
            }
        }

        if (rules.Count == 0 || rules[^1].When is not null)
        {
            problems.Add(Position(map), ProblemCodes.BadBranches, "realistic_match: the last rule must have no 'when'",
                "end the rules with a default such as '- add: 0'");
        }

        return rules.Count == 0 ? null : new RealisticMatch(rules, OptionalText(map, "not_before"));
    }

    private (string? Text, string? Source) ReadEncouragement(YamlMappingNode entry, string where)
    {
        if (!entry.Children.TryGetValue("encouragement", out var node))
        {
            return (null, null);
        }

        if (node is not YamlMappingNode map)
        {
            return (OptionalText(entry, "encouragement"), null);
        }

        CheckKeys(map, EncouragementKeys, $"{where}: encouragement");
        return (RequiredText(map, "text", $"{where}: encouragement"), OptionalText(map, "source"));
    }

    private AdvicePhase ReadPhase(YamlMappingNode entry, string where)
    {
        if (!entry.Children.TryGetValue("phase", out var node))
        {
            return AdvicePhase.Now;
        }

        var index = Array.IndexOf(Phases, (node as YamlScalarNode)?.Value);
        if (index < 0)
        {
            Add(node, ProblemCodes.WrongType, $"{where}: unknown phase '{(node as YamlScalarNode)?.Value}'", $"use one of {string.Join(", ", Phases)}");
            return AdvicePhase.Now;
        }

        return (AdvicePhase)index;
    }

    private AnswerValue? UnknownDefault(YamlNode node, string where)
    {
        if (node is not YamlScalarNode scalar)
        {
            Add(node, ProblemCodes.WrongType, $"{where}: 'unknown_default' must be one value", "write a choice id, true, false, a number, or ~ for 'as if unanswered'");
            return null;
        }

        return scalar.Value is null or "" or "~" or "null" ? AnswerValue.Unknown : Constant(scalar);
    }

    private DateOnly? RequiredDate(YamlMappingNode map, string key)
    {
        if (map.Children.TryGetValue(key, out var node))
        {
            return Date(node, $"'{key}'");
        }

        problems.Add(Position(map), ProblemCodes.MissingKey, $"missing '{key}'", $"add '{key}: YYYY-MM-DD'");
        return null;
    }

    private long? RequiredNumber(YamlMappingNode map, string key)
    {
        if (map.Children.ContainsKey(key))
        {
            return Number(map, key);
        }

        problems.Add(Position(map), ProblemCodes.MissingKey, $"missing '{key}'", $"add '{key}:' with a year");
        return null;
    }

    private DateOnly? Date(YamlNode node, string where)
    {
        if (node is YamlScalarNode { Value: { } text }
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(node, ProblemCodes.WrongType, $"{where} must be a date", "write YYYY-MM-DD, for example 2027-06-02");
        return null;
    }
}
