using System.Globalization;
using ChatCoach.Core.Answers;
using YamlDotNet.RepresentationModel;

namespace ChatCoach.Core.Scripts;

/// <summary>
/// Turns the YAML tree into the script model, checking that each part is well formed on its own
/// (keys, types, bounds, choices, lengths). How the parts fit together is <see cref="ScriptValidator"/>'s job.
/// </summary>
internal sealed partial class ScriptReader(ProblemList problems, string file, string version, string source)
{
    /// <summary>Discord refuses messages longer than this.</summary>
    internal const int MaxMessageLength = 2000;

    /// <summary>Discord refuses button labels longer than this.</summary>
    internal const int MaxButtonLabelLength = 80;

    /// <summary>Discord refuses custom ids longer than this.</summary>
    internal const int MaxCustomIdLength = 100;

    /// <summary>Discord's select menus hold at most this many options.</summary>
    internal const int MaxChoices = 25;

    /// <summary>What a choice's custom id adds around the node and choice ids (prefix, separators, turn number).</summary>
    internal const int CustomIdOverhead = 16;

    private static readonly string[] RootKeys =
        ["id", "title", "start", "nodes", "advice", "derived", "interrupts", "texts", "understanding", "seasons", "realistic_match"];
    private static readonly string[] SayKeys = ["say", "next"];
    private static readonly string[] AskKeys = ["ask", "kind", "store", "topic", "reask", "help", "min", "max", "max_years_ahead", "choices", "unknown_default", "next"];
    private static readonly string[] EndKeys = ["end"];
    private static readonly string[] ChoiceKeys = ["id", "label", "synonyms"];
    private static readonly string[] BranchKeys = ["when", "goto"];
    private static readonly string[] AdviceKeys = ["id", "when", "phase", "encouragement", "steps", "sources", "reviewed"];
    private static readonly string[] EncouragementKeys = ["text", "source"];
    private static readonly string[] StepKeys = ["do", "why"];
    private static readonly string[] InterruptKeys = ["help", "crisis"];
    private static readonly string[] NodeShapes = ["ask", "say", "end"];
    private static readonly string[] Bounds = ["min", "max"];

    public Script? Read(YamlMappingNode root)
    {
        CheckKeys(root, RootKeys, "script");
        var id = RequiredScalar(root, "id", "script");
        var start = RequiredScalar(root, "start", "script");
        var nodes = ReadNodes(Mapping(root, "nodes", required: true));
        var advice = ReadAdvice(Sequence(root, "advice"));
        var yearsSince = ReadDerived(Mapping(root, "derived", required: false));
        var interrupts = Mapping(root, "interrupts", required: true);
        var crisis = interrupts is null ? null : ReadCrisis(Mapping(interrupts, "crisis", required: true));
        if (interrupts is not null)
        {
            CheckKeys(interrupts, InterruptKeys, "interrupts");
        }

        var texts = ReadTexts(Mapping(root, "texts", required: false));
        if (interrupts is not null && OptionalText(interrupts, "help") is { } about)
        {
            texts = texts with { About = about };
        }

        if (id is null || start is null || crisis is null)
        {
            return null;
        }

        return new Script
        {
            Understanding = ReadUnderstanding(Mapping(root, "understanding", required: false)),
            Seasons = ReadSeasons(Sequence(root, "seasons")),
            RealisticMatch = ReadRealisticMatch(Mapping(root, "realistic_match", required: false)),
            UnknownDefaults = nodes.Values
                .Where(n => n.Question?.UnknownDefault is not null)
                .GroupBy(n => n.Question!.Store, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Question!.UnknownDefault!.Value, StringComparer.Ordinal),
            Id = id,
            Version = version,
            File = file,
            Source = source,
            Start = start,
            Nodes = nodes,
            Advice = advice,
            YearsSince = yearsSince,
            Crisis = crisis,
            Texts = texts,
        };
    }

    private Dictionary<string, Node> ReadNodes(YamlMappingNode? map)
    {
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        if (map is null)
        {
            return nodes;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var id = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            var position = Position(keyNode);
            if (valueNode is not YamlMappingNode body)
            {
                Add(valueNode, ProblemCodes.WrongType, $"node '{id}' must be a mapping",
                    "give it 'say:', 'ask:' or 'end:' on the lines below, indented");
                continue;
            }

            var shapes = NodeShapes.Where(k => body.Children.ContainsKey(k)).ToList();
            if (shapes.Count != 1)
            {
                problems.Add(position, ProblemCodes.NodeShape,
                    shapes.Count == 0 ? $"node '{id}' neither says, asks nor ends" : $"node '{id}' has both {string.Join(" and ", shapes)}",
                    "give each node exactly one of 'say:', 'ask:' or 'end:'");
                if (shapes.Count == 0)
                {
                    continue;
                }
            }

            // With several shapes, read the node as the first one so its links still count and nothing else cascades.
            var node = shapes[0] switch
            {
                "say" => ReadSay(id, body, position),
                "ask" => ReadAsk(id, body, position),
                _ => ReadEnd(id, body, position),
            };
            nodes[id] = node;
        }

        return nodes;
    }

    private Node ReadSay(string id, YamlMappingNode body, SourcePosition position)
    {
        CheckKeys(body, [.. SayKeys, .. NodeShapes], $"say node '{id}'");
        return new Node
        {
            Id = id,
            Type = NodeType.Say,
            Text = RequiredText(body, "say", $"node '{id}'") ?? string.Empty,
            Next = ReadNext(id, body, position),
            Position = position,
        };
    }

    private Node ReadEnd(string id, YamlMappingNode body, SourcePosition position)
    {
        CheckKeys(body, [.. EndKeys, .. NodeShapes], $"end node '{id}'");
        return new Node { Id = id, Type = NodeType.End, Text = RequiredText(body, "end", $"node '{id}'") ?? string.Empty, Position = position };
    }

    private Node ReadAsk(string id, YamlMappingNode body, SourcePosition position)
    {
        var where = $"ask node '{id}'";
        CheckKeys(body, [.. AskKeys, .. NodeShapes], where);
        var text = RequiredText(body, "ask", where) ?? string.Empty;
        var kind = ReadKind(body, where);
        var store = RequiredScalar(body, "store", where) ?? id;
        var min = Number(body, "min");
        var max = Number(body, "max");
        var ahead = Number(body, "max_years_ahead");
        var choices = ReadChoices(id, body, kind);

        if (kind is AnswerKind.YesNo or AnswerKind.Choice or AnswerKind.Text)
        {
            foreach (var key in Bounds.Where(k => body.Children.ContainsKey(k)))
            {
                problems.Add(KeyPosition(body, key), ProblemCodes.BadBounds, $"{where}: '{key}' does not apply to {Name(kind.Value)} answers",
                    "remove it; bounds apply to count, year and months");
            }
        }

        if (min is { } lo && max is { } hi && lo > hi)
        {
            Add(body.Children["min"], ProblemCodes.BadBounds, $"{where}: min {lo} is greater than max {hi}", "swap them or correct one");
        }

        if (kind is AnswerKind.Count or AnswerKind.Months && min < 0)
        {
            Add(body.Children["min"], ProblemCodes.BadBounds, $"{where}: min {min} is negative, but {Name(kind.Value)} cannot be",
                "use 0 or more");
        }

        if (ahead is not null && kind != AnswerKind.Year)
        {
            problems.Add(KeyPosition(body, "max_years_ahead"), ProblemCodes.BadBounds, $"{where}: 'max_years_ahead' applies only to year answers",
                "remove it, or use 'max'");
        }
        else if (ahead < 0)
        {
            Add(body.Children["max_years_ahead"], ProblemCodes.BadBounds, $"{where}: 'max_years_ahead' is negative", "use 0 for 'this year at the latest'");
        }

        return new Node
        {
            Id = id,
            Type = NodeType.Ask,
            Text = text,
            Position = position,
            Next = ReadNext(id, body, position),
            Question = new Question
            {
                Kind = kind ?? AnswerKind.Text,
                Store = store,
                Topic = OptionalText(body, "topic") ?? store.Replace('_', ' '),
                Reask = RequiredText(body, "reask", where) ?? string.Empty,
                Help = OptionalText(body, "help"),
                Min = min,
                Max = max,
                MaxYearsAhead = ahead is { } a ? (int)Math.Clamp(a, int.MinValue, int.MaxValue) : null,
                Choices = choices,
                UnknownDefault = body.Children.TryGetValue("unknown_default", out var unknown) ? UnknownDefault(unknown, where) : null,
            },
        };
    }

    private AnswerKind? ReadKind(YamlMappingNode body, string where)
    {
        var kind = RequiredScalar(body, "kind", where);
        if (kind is null)
        {
            return null;
        }

        AnswerKind? parsed = kind switch
        {
            "count" => AnswerKind.Count,
            "year" => AnswerKind.Year,
            "months" => AnswerKind.Months,
            "yesno" => AnswerKind.YesNo,
            "choice" => AnswerKind.Choice,
            "text" => AnswerKind.Text,
            _ => null,
        };
        if (parsed is null)
        {
            Add(body.Children["kind"], ProblemCodes.UnknownKind, $"{where}: unknown answer kind '{kind}'",
                "use one of count, year, months, yesno, choice, text");
        }

        return parsed;
    }

    private List<Choice> ReadChoices(string nodeId, YamlMappingNode body, AnswerKind? kind)
    {
        var where = $"ask node '{nodeId}'";
        var list = Sequence(body, "choices");
        if (kind != AnswerKind.Choice)
        {
            if (list is not null && kind is not null)
            {
                Add(body.Children["choices"], ProblemCodes.BadChoices, $"{where}: choices given for a {Name(kind.Value)} question",
                    "use 'kind: choice', or remove the choices");
            }

            return [];
        }

        if (list is null || list.Children.Count < 2)
        {
            problems.Add(Position(body), ProblemCodes.BadChoices, $"{where}: a choice question needs at least two choices",
                "add a 'choices:' list of items with id and label");
            return [];
        }

        if (list.Children.Count > MaxChoices)
        {
            Add(list.Children[MaxChoices], ProblemCodes.ComponentTooLong,
                $"{where}: {list.Children.Count} choices, but a Discord menu shows at most {MaxChoices}", "merge choices, or ask in two steps");
        }

        var choices = new List<Choice>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode map)
            {
                Add(item, ProblemCodes.WrongType, $"{where}: each choice must be a mapping with id and label", "write '- id: ...' and 'label: ...'");
                continue;
            }

            CheckKeys(map, ChoiceKeys, $"a choice of '{nodeId}'");
            var id = RequiredScalar(map, "id", $"a choice of '{nodeId}'");
            var label = RequiredScalar(map, "label", $"a choice of '{nodeId}'");
            if (id is null || label is null)
            {
                continue;
            }

            var synonyms = StringList(map, "synonyms");
            if (label.Length > MaxButtonLabelLength)
            {
                Add(map.Children["label"], ProblemCodes.ComponentTooLong,
                    $"choice '{id}': label is {label.Length} characters, Discord buttons allow {MaxButtonLabelLength}", "shorten the label");
            }

            if (nodeId.Length + id.Length + CustomIdOverhead > MaxCustomIdLength)
            {
                Add(map.Children["id"], ProblemCodes.ComponentTooLong,
                    $"choice '{id}' of node '{nodeId}': the button's custom id would exceed Discord's {MaxCustomIdLength} characters",
                    "shorten the node id or the choice id");
            }

            if (!ids.Add(id))
            {
                Add(map.Children["id"], ProblemCodes.DuplicateChoice, $"{where}: choice id '{id}' is used twice", "give each choice its own id");
            }

            foreach (var word in new[] { id, label }.Concat(synonyms))
            {
                if (seen.TryGetValue(Normalize(word), out var owner) && owner != id)
                {
                    Add(map, ProblemCodes.DuplicateChoice, $"{where}: '{word}' names both choice '{owner}' and choice '{id}'",
                        "give each choice its own label and synonyms");
                }

                seen[Normalize(word)] = id;
            }

            if (int.TryParse(id, CultureInfo.InvariantCulture, out _) || int.TryParse(label, CultureInfo.InvariantCulture, out _))
            {
                Add(map, ProblemCodes.DuplicateChoice, $"{where}: choice '{id}' is a number, which clashes with answering by number",
                    "use words for ids and labels");
            }

            choices.Add(new Choice(id, label, synonyms));
        }

        return choices;
    }

    private List<Branch> ReadNext(string nodeId, YamlMappingNode body, SourcePosition nodePosition)
    {
        if (!body.Children.TryGetValue("next", out var next))
        {
            problems.Add(nodePosition, ProblemCodes.DeadEnd, $"node '{nodeId}' has no 'next', so the conversation would stop here",
                "add 'next: <node id>', or make it an end node");
            return [];
        }

        if (next is YamlScalarNode scalar)
        {
            return [new Branch(null, scalar.Value ?? string.Empty, Position(scalar))];
        }

        if (next is not YamlSequenceNode list)
        {
            Add(next, ProblemCodes.WrongType, $"node '{nodeId}': 'next' must be a node id or a list of branches",
                "write 'next: other_node' or a list of '- when: ...' / 'goto: ...'");
            return [];
        }

        var branches = new List<Branch>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode map)
            {
                Add(item, ProblemCodes.WrongType, $"node '{nodeId}': each branch must be a mapping with 'goto' (and 'when')",
                    "write '- when: {...}' then 'goto: node'");
                continue;
            }

            CheckKeys(map, BranchKeys, $"a branch of '{nodeId}'");
            var target = RequiredScalar(map, "goto", $"a branch of '{nodeId}'");
            var when = map.Children.TryGetValue("when", out var w) ? ReadCondition(w) : null;
            if (target is not null)
            {
                branches.Add(new Branch(when, target, Position(map.Children[new YamlScalarNode("goto")])));
            }
        }

        return branches;
    }

    private List<AdviceEntry> ReadAdvice(YamlSequenceNode? list)
    {
        var entries = new List<AdviceEntry>();
        foreach (var item in list?.Children ?? [])
        {
            if (item is not YamlMappingNode map)
            {
                Add(item, ProblemCodes.WrongType, "each advice entry must be a mapping", "write '- id: ...' with when, encouragement, steps, sources");
                continue;
            }

            var id = RequiredScalar(map, "id", "an advice entry");
            var where = $"advice '{id}'";
            CheckKeys(map, AdviceKeys, where);
            var when = map.Children.TryGetValue("when", out var w) ? ReadCondition(w) : null;
            if (when is null && !map.Children.ContainsKey("when"))
            {
                problems.Add(Position(map), ProblemCodes.MissingKey, $"{where} has no 'when'", "say when the advice applies");
            }

            var (encouragement, encouragementSource) = ReadEncouragement(map, where);
            var steps = ReadSteps(Sequence(map, "steps", required: true), where);
            var sources = StringList(map, "sources");
            if (sources.Count == 0)
            {
                problems.Add(Position(map), ProblemCodes.MissingKey, $"{where} cites no sources",
                    "add 'sources:' with at least one source and its year");
            }

            if (id is not null && when is not null)
            {
                entries.Add(new AdviceEntry
                {
                    Id = id, When = when, Phase = ReadPhase(map, where), Encouragement = encouragement,
                    EncouragementSource = encouragementSource, Steps = steps, Sources = sources,
                    Reviewed = map.Children.TryGetValue("reviewed", out var reviewed) ? Date(reviewed, $"{where}: 'reviewed'") : null,
                    Position = Position(map),
                });
            }
        }

        return entries;
    }

    private List<AdviceStep> ReadSteps(YamlSequenceNode? list, string where)
    {
        var steps = new List<AdviceStep>();
        foreach (var item in list?.Children ?? [])
        {
            if (item is not YamlMappingNode map)
            {
                Add(item, ProblemCodes.WrongType, $"{where}: each step must be a mapping with 'do' and 'why'", "write '- do: ...' then 'why: ...'");
                continue;
            }

            CheckKeys(map, StepKeys, $"a step of {where}");
            var what = RequiredText(map, "do", $"a step of {where}");
            var why = RequiredText(map, "why", $"a step of {where}");
            if (what is not null && why is not null)
            {
                steps.Add(new AdviceStep(what, why));
            }
        }

        return steps;
    }

    private Dictionary<string, string> ReadDerived(YamlMappingNode? map)
    {
        var derived = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(map))
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (value is YamlMappingNode body && body.Children.Count == 1
                && body.Children.TryGetValue("years_since", out var from) && from is YamlScalarNode source)
            {
                derived[name] = source.Value ?? string.Empty;
            }
            else
            {
                Add(value, ProblemCodes.WrongType, $"derived value '{name}' must be '{{ years_since: <year answer> }}'",
                    "write for example 'years_since_graduation: { years_since: graduation_year }'");
            }
        }

        return derived;
    }

    private ScriptTexts ReadTexts(YamlMappingNode? map)
    {
        var texts = new ScriptTexts();
        foreach (var (key, _) in Entries(map))
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (!ScriptTexts.Setters.TryGetValue(name, out var set))
            {
                Add(key, ProblemCodes.UnknownKey, $"texts: unknown key '{name}'",
                    $"use one of {string.Join(", ", ScriptTexts.Setters.Keys)}");
                continue;
            }

            if (OptionalText(map!, name) is { } value)
            {
                texts = set(texts, value);
            }
        }

        return texts;
    }

    private Condition? ReadCondition(YamlNode node)
    {
        if (node is YamlScalarNode { Value: "always" })
        {
            return new Always();
        }

        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            Add(node, ProblemCodes.WrongType, "a condition must be 'always' or a mapping such as '{ step1_attempts: { gte: 2 } }'",
                "write answer names with a value or an operator, or all:/any:/not:");
            return null;
        }

        var parts = new List<Condition>();
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            Condition? part = key switch
            {
                "all" or "any" => ReadList(key, value),
                "not" => ReadCondition(value) is { } inner ? new NotOf(inner) : null,
                _ => ReadComparison(key, Position(keyNode), value),
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        return parts.Count == 1 ? parts[0] : new AllOf(parts);
    }

    private Condition? ReadList(string key, YamlNode value)
    {
        if (value is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Add(value, ProblemCodes.WrongType, $"'{key}' needs a list of conditions", $"write '{key}:' then '- {{ ... }}' items");
            return null;
        }

        var parts = list.Children.Select(ReadCondition).OfType<Condition>().ToList();
        return key == "all" ? new AllOf(parts) : new AnyOf(parts);
    }

    private Comparison? ReadComparison(string name, SourcePosition position, YamlNode value)
    {
        if (value is YamlScalarNode scalar)
        {
            return new Comparison(name, ComparisonOperator.Eq, [Constant(scalar)], position);
        }

        if (value is not YamlMappingNode ops || ops.Children.Count != 1)
        {
            Add(value, ProblemCodes.WrongType, $"condition on '{name}' must be a value or one operator such as '{{ gte: 2 }}'",
                "write one of eq, ne, gt, gte, lt, lte, in, answered");
            return null;
        }

        var (opNode, operand) = ops.Children.First();
        var opName = ((YamlScalarNode)opNode).Value;
        ComparisonOperator? op = opName switch
        {
            "eq" => ComparisonOperator.Eq,
            "ne" => ComparisonOperator.Ne,
            "gt" => ComparisonOperator.Gt,
            "gte" => ComparisonOperator.Gte,
            "lt" => ComparisonOperator.Lt,
            "lte" => ComparisonOperator.Lte,
            "in" => ComparisonOperator.In,
            "answered" => ComparisonOperator.Answered,
            _ => null,
        };
        if (op is null)
        {
            Add(opNode, ProblemCodes.UnknownOperator, $"unknown operator '{opName}' in the condition on '{name}'",
                "use one of eq, ne, gt, gte, lt, lte, in, answered");
            return null;
        }

        if (op == ComparisonOperator.In)
        {
            if (operand is YamlSequenceNode items && items.Children.All(i => i is YamlScalarNode) && items.Children.Count > 0)
            {
                return new Comparison(name, op.Value, items.Children.Cast<YamlScalarNode>().Select(Constant).ToList(), position);
            }

            Add(operand, ProblemCodes.WrongType, $"'in' on '{name}' needs a list of values", "write 'in: [a, b]'");
            return null;
        }

        if (operand is not YamlScalarNode constant)
        {
            Add(operand, ProblemCodes.WrongType, $"'{opName}' on '{name}' needs a single value", "write for example 'gte: 2'");
            return null;
        }

        var parsed = Constant(constant);
        var seasonValue = parsed.Type == AnswerValueType.Text && parsed.Text!.StartsWith(Facts.SeasonPrefix, StringComparison.Ordinal);
        if (op is ComparisonOperator.Gt or ComparisonOperator.Gte or ComparisonOperator.Lt or ComparisonOperator.Lte && parsed.Type != AnswerValueType.Number && !seasonValue
            || op == ComparisonOperator.Answered && parsed.Type != AnswerValueType.Boolean)
        {
            Add(operand, ProblemCodes.ImpossibleValue, $"'{opName}' on '{name}' needs {(op == ComparisonOperator.Answered ? "true or false" : "a number")}",
                op == ComparisonOperator.Answered ? "write 'answered: true' or 'answered: false'" : "write a whole number or a season value such as season.next_match");
            return null;
        }

        return new Comparison(name, op.Value, [parsed], position);
    }

    /// <summary>true/false are flags, whole numbers are numbers, anything else is text (a choice id).</summary>
    private static AnswerValue Constant(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain)
        {
            if (text is "true" or "false")
            {
                return AnswerValue.Of(text == "true");
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return AnswerValue.Of(number);
            }
        }

        return AnswerValue.Of(text);
    }

    private void CheckKeys(YamlMappingNode map, string[] allowed, string where)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(name))
            {
                var near = allowed.FirstOrDefault(a => Distance(a, name) <= 2);
                Add(key, ProblemCodes.UnknownKey, $"{where}: unknown key '{name}'",
                    near is not null ? $"did you mean '{near}'?" : $"allowed here: {string.Join(", ", allowed)}");
            }
        }
    }

    private string? RequiredScalar(YamlMappingNode map, string key, string where)
    {
        if (!map.Children.TryGetValue(key, out var node))
        {
            problems.Add(Position(map), ProblemCodes.MissingKey, $"{where} has no '{key}'", $"add '{key}:'");
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Add(node, ProblemCodes.WrongType, $"{where}: '{key}' must be a non-empty value", $"write '{key}: ...' on one line");
        return null;
    }

    private string? RequiredText(YamlMappingNode map, string key, string where) =>
        RequiredScalar(map, key, where) is { } text ? CheckLength(map.Children[key], text, where, key) : null;

    private string? OptionalText(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return CheckLength(node, value, key, key);
        }

        Add(node, ProblemCodes.WrongType, $"'{key}' must be text", $"write '{key}: ...'");
        return null;
    }

    private string CheckLength(YamlNode node, string text, string where, string key)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > MaxMessageLength)
        {
            Add(node, ProblemCodes.TextTooLong,
                $"{where}: '{key}' is {trimmed.Length} characters; Discord allows {MaxMessageLength} in one message", "shorten it or split it across say nodes");
        }

        return trimmed;
    }

    private long? Number(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Add(node, ProblemCodes.BadBounds, $"'{key}' must be a whole number", $"write for example '{key}: 0'");
        return null;
    }

    private List<string> StringList(YamlMappingNode map, string key)
    {
        var list = Sequence(map, key);
        var items = new List<string>();
        foreach (var item in list?.Children ?? [])
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
            {
                items.Add(CheckLength(item, text, key, key));
            }
            else
            {
                Add(item, ProblemCodes.WrongType, $"'{key}' items must be text", "write each item as '- text'");
            }
        }

        return items;
    }

    private YamlMappingNode? Mapping(YamlMappingNode map, string key, bool required)
    {
        if (!map.Children.TryGetValue(key, out var node))
        {
            if (required)
            {
                problems.Add(Position(map), ProblemCodes.MissingKey, $"missing '{key}'", $"add a '{key}:' section");
            }

            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Add(node, ProblemCodes.WrongType, $"'{key}' must be a mapping", $"put the entries of '{key}' on indented lines below it");
        return null;
    }

    private YamlSequenceNode? Sequence(YamlMappingNode map, string key, bool required = false)
    {
        if (!map.Children.TryGetValue(key, out var node))
        {
            if (required)
            {
                problems.Add(Position(map), ProblemCodes.MissingKey, $"missing '{key}'", $"add a '{key}:' list");
            }

            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Add(node, ProblemCodes.WrongType, $"'{key}' must be a list", $"write each item of '{key}' on its own '- ' line");
        return null;
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlMappingNode? map) => map is null ? [] : map.Children;

    private void Add(YamlNode node, string code, string message, string hint) => problems.Add(Position(node), code, message, hint);

    private static SourcePosition KeyPosition(YamlMappingNode map, string key) =>
        Position(map.Children.Keys.First(k => k is YamlScalarNode { Value: var v } && v == key));

    private static SourcePosition Position(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    private static string Name(AnswerKind kind) => kind.ToString().ToLowerInvariant();

    internal static string Normalize(string text) => text.Trim().ToLowerInvariant();

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}
