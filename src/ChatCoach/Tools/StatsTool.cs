using System.Globalization;
using ChatCoach.Core.Scripts;
using ChatCoach.Storage;

namespace ChatCoach.Tools;

/// <summary><c>chatcoach stats</c>: the funnel per script version, from counters that hold no message text and no user.</summary>
internal static class StatsTool
{
    // The last answer of a conversation is recorded as Completed, so both count as answered.
    private static readonly (string[] Events, string Heading)[] Columns =
    [
        (["Entered"], "entered"),
        (["Answered", "Completed"], "answered"),
        (["Reasked"], "re-asked"),
        (["WentBack"], "went back"),
        (["Skipped"], "skipped"),
        ([FunnelCount.StandingHere], "stopped here"),
        (["Crisis"], "crisis"),
        (["Concern"], "concern"),
        (["Distress"], "distress"),
    ];

    public static async Task<int> RunAsync(DatabaseOptions database, DialogsOptions dialogs, TextWriter output, CancellationToken cancellationToken)
    {
        await new DatabaseMigrator(database).MigrateAsync(cancellationToken);
        var counts = await FunnelReader.ReadAsync(database, cancellationToken);
        var (scripts, _) = await ScriptLoader.LoadAllAsync(dialogs.Path, cancellationToken);
        var live = scripts.ToDictionary(s => s.Version, StringComparer.Ordinal);
        if (counts.Count == 0)
        {
            await output.WriteLineAsync("No conversations yet.");
            return 0;
        }

        foreach (var version in counts.GroupBy(c => c.ScriptVersion))
        {
            var script = live.GetValueOrDefault(version.Key);
            var table = version.ToLookup(c => c.Node);
            var order = script?.Nodes.Keys.ToList() ?? [];
            var nodes = table.Select(g => g.Key).OrderBy(n => order.IndexOf(n) is var i && i < 0 ? int.MaxValue : i).ThenBy(n => n, StringComparer.Ordinal).ToList();
            await output.WriteLineAsync($"Script {script?.Id ?? "(not live)"}, version {version.Key[..Math.Min(12, version.Key.Length)]}");
            await output.WriteLineAsync($"  {"node",-28}" + string.Concat(Columns.Select(c => $"{c.Heading,14}")));
            foreach (var node in nodes.Where(n => script?.Nodes.GetValueOrDefault(n)?.Type != NodeType.End))
            {
                await output.WriteLineAsync($"  {node,-28}" + string.Concat(Columns.Select(c => $"{Sum(table[node], c.Events),14}")));
            }

            var ends = script?.Nodes.Values.Where(n => n.Type == NodeType.End).Select(n => n.Id).ToHashSet() ?? [];
            var reached = version.Where(c => ends.Contains(c.Node) && c.Event == "Entered").Sum(c => c.Count);
            var started = script is null ? 0 : Sum(table[FirstQuestion(script)], "Entered");
            await output.WriteLineAsync($"  reached the plan: {reached.ToString(CultureInfo.InvariantCulture)} (of {started.ToString(CultureInfo.InvariantCulture)} who started)");
            await output.WriteLineAsync();
        }

        return 0;
    }

    private static long Sum(IEnumerable<FunnelCount> counts, params string[] events) =>
        counts.Where(c => events.Contains(c.Event)).Sum(c => c.Count);

    private static string FirstQuestion(Script script)
    {
        var node = script.Nodes[script.Start];
        while (node.Type == NodeType.Say)
        {
            node = script.Nodes[node.Next[0].Target];
        }

        return node.Id;
    }
}
