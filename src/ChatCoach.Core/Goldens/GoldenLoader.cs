using System.Globalization;
using ChatCoach.Core.Scripts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatCoach.Core.Goldens;

/// <summary>Reads golden conversations from YAML, reporting problems the way script problems are reported.</summary>
public static class GoldenLoader
{
    /// <summary>Loads every <c>*.yaml</c> file of a folder, in name order.</summary>
    public static async Task<(IReadOnlyList<GoldenConversation> Conversations, IReadOnlyList<ScriptProblem> Problems)> LoadFolderAsync(
        string folder, CancellationToken cancellationToken)
    {
        var conversations = new List<GoldenConversation>();
        var problems = new List<ScriptProblem>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var (conversation, fileProblems) = Load(file, await File.ReadAllTextAsync(file, cancellationToken));
            problems.AddRange(fileProblems);
            if (conversation is not null)
            {
                conversations.Add(conversation);
            }
        }

        return (conversations, problems);
    }

    /// <summary>Loads one golden conversation from its text.</summary>
    public static (GoldenConversation? Conversation, IReadOnlyList<ScriptProblem> Problems) Load(string file, string content)
    {
        var problems = new List<ScriptProblem>();
        void Problem(YamlNode? node, string message, string hint) => problems.Add(new ScriptProblem(file,
            node is null ? SourcePosition.Start : new SourcePosition((int)node.Start.Line, (int)node.Start.Column), ProblemCodes.WrongType, message, hint));

        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(content));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlException e)
        {
            problems.Add(new ScriptProblem(file, new SourcePosition((int)e.Start.Line, (int)e.Start.Column), ProblemCodes.Syntax,
                $"not valid YAML: {e.InnerException?.Message ?? e.Message}", "check indentation and quotes"));
            return (null, problems);
        }

        if (root is null || Scalar(root, "script") is not { } script || !root.Children.TryGetValue("steps", out var stepsNode)
            || stepsNode is not YamlSequenceNode steps)
        {
            Problem(root, "a golden conversation needs 'script:' and a 'steps:' list", "see dialogs/README.md, 'Golden conversations'");
            return (null, problems);
        }

        DateOnly? today = null;
        if (Scalar(root, "today") is { } day)
        {
            if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                today = parsed;
            }
            else
            {
                Problem(root.Children["today"], $"'today' must be a date like 2026-11-25, not '{day}'", "write yyyy-mm-dd");
            }
        }

        var parsedSteps = new List<GoldenStep>();
        foreach (var item in steps.Children)
        {
            if (item is not YamlMappingNode step || (Scalar(step, "user") is null) == (Scalar(step, "click") is null))
            {
                Problem(item, "each step needs exactly one of 'user:' or 'click:'", "write '- user: ...' or '- click: <choice id>'");
                continue;
            }

            var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (step.Children.TryGetValue("answers", out var answersNode) && answersNode is YamlMappingNode answerMap)
            {
                foreach (var (key, value) in answerMap.Children)
                {
                    var text = (value as YamlScalarNode)?.Value;
                    answers[((YamlScalarNode)key).Value!] = text is null or "~" or "null" ? null : text;
                }
            }

            parsedSteps.Add(new GoldenStep
            {
                Line = (int)item.Start.Line,
                User = Scalar(step, "user"),
                Click = Scalar(step, "click"),
                Expect = List(step, "expect"),
                Absent = List(step, "absent"),
                Answers = answers,
            });
        }

        GoldenPlan? plan = null;
        if (root.Children.TryGetValue("plan", out var planNode))
        {
            if (planNode is YamlMappingNode planMap && planMap.Children.Keys.All(k => (k as YamlScalarNode)?.Value is "match" or "now"))
            {
                plan = new GoldenPlan { Match = Scalar(planMap, "match"), Now = planMap.Children.ContainsKey("now") ? List(planMap, "now") : null };
            }
            else
            {
                Problem(planNode, "'plan' takes 'match:' (a year or none) and 'now:' (the advice ids of the do-now steps)", "see dialogs/README.md, 'Golden conversations'");
            }
        }

        var conversation = new GoldenConversation
        {
            File = file, Script = script, Today = today, Opening = List(root, "opening"), Steps = parsedSteps, Plan = plan,
        };
        return (problems.Count == 0 ? conversation : null, problems);
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static List<string> List(YamlMappingNode map, string key) => map.Children.TryGetValue(key, out var node) switch
    {
        false => [],
        true when node is YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList(),
        _ => [((YamlScalarNode)node).Value ?? string.Empty],
    };
}
