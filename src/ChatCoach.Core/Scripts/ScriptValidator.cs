using ChatCoach.Core.Answers;
using ChatCoach.Core.Seasons;

namespace ChatCoach.Core.Scripts;

/// <summary>
/// Checks that the parts of a well-formed script fit together: every reference resolves, every node is
/// reachable and leads to an end, branches are exhaustive, and conditions only use answers that exist
/// with values those answers can take.
/// </summary>
internal static class ScriptValidator
{
    public static void Validate(Script script, ProblemList problems)
    {
        // Problems already found decide which checks would only repeat them in other words.
        var kindsKnown = !problems.Items.Any(p => p.Code == ProblemCodes.UnknownKind);
        var referencesKnown = CheckReferences(script, problems);
        CheckBranches(script, problems);
        if (referencesKnown)
        {
            // With a broken reference, every node behind it would be reported unreachable: fix the reference first.
            CheckGraph(script, problems);
        }

        var stored = CheckStores(script, problems);
        CheckConditions(script, stored, kindsKnown, problems);
        CheckUnknownDefaults(script, problems);
        SeasonRules.CheckTable(script, problems);
    }

    private static void CheckUnknownDefaults(Script script, ProblemList problems)
    {
        foreach (var node in script.Nodes.Values.Where(n => n.Question is not null))
        {
            var question = node.Question!;
            if (question.UnknownDefault is not { } value)
            {
                if (script.Understanding.AcceptsUnknown)
                {
                    problems.Add(node.Position, ProblemCodes.UnknownDefault,
                        $"ask node '{node.Id}' has no 'unknown_default', but the script accepts 'not sure' as an answer",
                        "say what an unknown answer means for the advice: a value of the question, or ~ for 'as if unanswered'");
                }

                continue;
            }

            var fits = value.IsUnknown || question.Kind switch
            {
                AnswerKind.Choice => question.Choices.Any(c => c.Id == value.Text),
                AnswerKind.YesNo => value.Type == AnswerValueType.Boolean,
                AnswerKind.Text => value.Type == AnswerValueType.Text,
                _ => value.Type == AnswerValueType.Number
                     && (question.Min is not { } min || value.Number >= min) && (question.Max is not { } max || value.Number <= max),
            };
            if (!fits)
            {
                problems.Add(node.Position, ProblemCodes.UnknownDefault, $"ask node '{node.Id}': unknown_default '{value}' is not an answer this question can have",
                    question.Kind == AnswerKind.Choice ? $"use one of {string.Join(", ", question.Choices.Select(c => c.Id))}, or ~" : "use a value of the question's kind and bounds, or ~");
            }
        }
    }

    private static bool CheckReferences(Script script, ProblemList problems)
    {
        var known = script.Nodes.ContainsKey(script.Start);
        if (!known)
        {
            problems.Add(SourcePosition.Start, ProblemCodes.UnknownNode, $"start node '{script.Start}' does not exist",
                Suggest(script, script.Start));
        }

        foreach (var node in script.Nodes.Values)
        {
            foreach (var branch in node.Next.Where(b => !script.Nodes.ContainsKey(b.Target)))
            {
                known = false;
                problems.Add(branch.Position, ProblemCodes.UnknownNode, $"node '{node.Id}' goes to '{branch.Target}', which does not exist",
                    Suggest(script, branch.Target));
            }
        }

        return known;
    }

    private static void CheckBranches(Script script, ProblemList problems)
    {
        foreach (var node in script.Nodes.Values.Where(n => n.Next.Count > 0))
        {
            for (var i = 0; i < node.Next.Count - 1; i++)
            {
                if (node.Next[i].When is null)
                {
                    problems.Add(node.Next[i + 1].Position, ProblemCodes.BadBranches,
                        $"node '{node.Id}': this branch can never be taken, the branch before it has no 'when'",
                        "put the branch without 'when' last");
                }
            }

            if (node.Next[^1].When is not null)
            {
                problems.Add(node.Next[^1].Position, ProblemCodes.BadBranches,
                    $"node '{node.Id}': when no condition matches there is nowhere to go",
                    "end the list with a branch that has only 'goto' (the default)");
            }
        }
    }

    private static void CheckGraph(Script script, ProblemList problems)
    {
        var reachable = Closure([script.Start], id => Targets(script, id));
        foreach (var node in script.Nodes.Values.Where(n => !reachable.Contains(n.Id)))
        {
            problems.Add(node.Position, ProblemCodes.UnreachableNode, $"node '{node.Id}' is never reached from '{script.Start}'",
                "point a 'next' at it, or delete it");
        }

        var incoming = script.Nodes.Values
            .SelectMany(n => n.Next.Select(b => (From: n.Id, To: b.Target)))
            .ToLookup(e => e.To, e => e.From);
        var canFinish = Closure(script.Nodes.Values.Where(n => n.Type == NodeType.End).Select(n => n.Id), id => incoming[id]);
        foreach (var node in script.Nodes.Values.Where(n => reachable.Contains(n.Id) && !canFinish.Contains(n.Id) && n.Next.Count > 0))
        {
            problems.Add(node.Position, ProblemCodes.NoWayOut, $"from node '{node.Id}' no path leads to an end node",
                "break the loop with a branch to a node that leads to 'end:'");
        }
    }

    private static Dictionary<string, AnswerKind> CheckStores(Script script, ProblemList problems)
    {
        var stored = new Dictionary<string, AnswerKind>(StringComparer.Ordinal);
        foreach (var node in script.Nodes.Values.Where(n => n.Question is not null))
        {
            var question = node.Question!;
            if (stored.TryGetValue(question.Store, out var kind) && kind != question.Kind)
            {
                problems.Add(node.Position, ProblemCodes.StoreConflict,
                    $"node '{node.Id}' stores '{question.Store}' as {question.Kind}, another node stores it as {kind}",
                    "use another answer name, or the same kind");
            }

            stored.TryAdd(question.Store, question.Kind);
        }

        foreach (var (name, source) in script.YearsSince)
        {
            if (stored.TryGetValue(source, out var kind) && kind != AnswerKind.Year || !stored.ContainsKey(source))
            {
                problems.Add(SourcePosition.Start, ProblemCodes.UnknownAnswer,
                    $"derived value '{name}' counts from '{source}', which no year question stores", "name the 'store' of a year question");
            }
        }

        return stored;
    }

    private static void CheckConditions(Script script, Dictionary<string, AnswerKind> stored, bool kindsKnown, ProblemList problems)
    {
        var choices = script.Nodes.Values.Where(n => n.Question?.Kind == AnswerKind.Choice)
            .GroupBy(n => n.Question!.Store)
            .ToDictionary(g => g.Key, g => g.SelectMany(n => n.Question!.Choices).Select(c => c.Id).ToHashSet(StringComparer.OrdinalIgnoreCase));
        var conditions = script.Nodes.Values.SelectMany(n => n.Next).Select(b => b.When)
            .Concat(script.Advice.Select(a => a.When))
            .Concat(script.RealisticMatch?.Rules.Select(r => r.When) ?? [])
            .OfType<Condition>();

        foreach (var comparison in conditions.SelectMany(c => c.Comparisons()))
        {
            foreach (var name in comparison.Values.Where(v => v.Type == AnswerValueType.Text).Select(v => v.Text!).Append(comparison.Name)
                         .Where(n => n.StartsWith(Facts.SeasonPrefix, StringComparison.Ordinal)))
            {
                SeasonRules.CheckName(script, name[Facts.SeasonPrefix.Length..], comparison.Position, problems);
            }

            AnswerKind kind;
            if (comparison.Name.StartsWith(Facts.SeasonPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (script.YearsSince.ContainsKey(comparison.Name))
            {
                kind = AnswerKind.Count;
            }
            else if (!stored.TryGetValue(comparison.Name, out kind))
            {
                problems.Add(comparison.Position, ProblemCodes.UnknownAnswer, $"condition on '{comparison.Name}', which no question stores",
                    Suggest(stored.Keys.Concat(script.YearsSince.Keys), comparison.Name, "a 'store' name or a derived value"));
                continue;
            }

            if (comparison.Operator == ComparisonOperator.Answered || !kindsKnown)
            {
                continue;
            }

            var expected = kind switch
            {
                AnswerKind.YesNo => AnswerValueType.Boolean,
                AnswerKind.Choice or AnswerKind.Text => AnswerValueType.Text,
                _ => AnswerValueType.Number,
            };
            foreach (var value in comparison.Values.Where(v => v.Text?.StartsWith(Facts.SeasonPrefix, StringComparison.Ordinal) != true))
            {
                if (value.Type != expected)
                {
                    problems.Add(comparison.Position, ProblemCodes.ImpossibleValue,
                        $"'{comparison.Name}' is a {kind.ToString().ToLowerInvariant()} answer and can never be '{value}'",
                        expected switch
                        {
                            AnswerValueType.Boolean => "compare it with true or false",
                            AnswerValueType.Number => "compare it with a whole number",
                            _ => "compare it with text",
                        });
                }
                else if (choices.TryGetValue(comparison.Name, out var ids) && !ids.Contains(value.Text!))
                {
                    problems.Add(comparison.Position, ProblemCodes.ImpossibleValue,
                        $"'{comparison.Name}' has no choice '{value}'", $"use one of {string.Join(", ", ids)}");
                }
            }
        }
    }

    private static IEnumerable<string> Targets(Script script, string id) =>
        script.Nodes.TryGetValue(id, out var node) ? node.Next.Select(b => b.Target) : [];

    private static HashSet<string> Closure(IEnumerable<string> seeds, Func<string, IEnumerable<string>> step)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(seeds);
        while (pending.TryPop(out var id))
        {
            if (seen.Add(id))
            {
                foreach (var next in step(id))
                {
                    pending.Push(next);
                }
            }
        }

        return seen;
    }

    private static string Suggest(Script script, string missing) => Suggest(script.Nodes.Keys, missing, "a node id");

    private static string Suggest(IEnumerable<string> known, string missing, string what)
    {
        var close = known.Where(k => k.Contains(missing, StringComparison.OrdinalIgnoreCase) || missing.Contains(k, StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();
        return close is not null ? $"did you mean '{close}'?" : $"use {what} defined in this script";
    }
}
