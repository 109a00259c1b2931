using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatCoach.Tests.Discord;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Tests.Http;

/// <summary>deploy/grafana-dashboard.json against a real scrape: every metric its panels query is one the bot exports.</summary>
public sealed partial class DashboardTests
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless", "inf", "nan",
    };

    [Fact]
    public async Task Every_metric_the_dashboard_queries_is_in_a_scrape_after_a_conversation()
    {
        var wanted = DashboardMetrics();
        var port = FreePort.Next();
        await using var bot = await DiscordBot.StartAsync(configure: null, $"--ChatCoach:Http:Urls=http://127.0.0.1:{port}");
        var user = new CoachUser(bot.Emulator, "500000000000000201");
        var dm = $"POST /channels/{bot.Emulator.DmChannelId(user.Id)}/messages";

        // A conversation with what on-call watches for in it: a 429, a retried and a dropped reply, a crisis, a resume.
        await user.SayAsync("hi");
        bot.Emulator.RateLimitNext(dm, TimeSpan.FromMilliseconds(200));
        await CoachingConversation.PlayAsync(user, until: 1);
        bot.Emulator.FailNext(dm, 500, count: 3); // every attempt of one send: the reply waits in the outbox for a retry
        await CoachingConversation.PlayAsync(user, from: 1, until: 3);
        await user.SayAsync("I want to kill myself");
        var closed = "500000000000000202";
        bot.Emulator.SetDirectMessagesBlocked(closed, blocked: true);
        await bot.Emulator.SendDirectMessageAsync(closed, "hi");
        await bot.Emulator.DropConnectionsAsync();

        using var http = new HttpClient();
        var metrics = new Uri($"http://127.0.0.1:{port}/metrics");
        var waited = Stopwatch.StartNew();
        string[] missing;
        do
        {
            await Task.Delay(200);
            var scrape = PrometheusText.Parse(await http.GetStringAsync(metrics));
            missing = [.. wanted.Where(name => !scrape.Has(name))];
        }
        while (missing.Length > 0 && waited.Elapsed < TimeSpan.FromSeconds(60));

        Assert.True(wanted.Count >= 15, string.Join(", ", wanted));
        Assert.Contains("chatcoach_turns_total", wanted);
        Assert.Contains("chatcoach_gateway_state", wanted);
        Assert.Empty(missing);
    }

    /// <summary>The metric names in every panel's expressions: identifiers that are not functions, keywords or labels.</summary>
    private static HashSet<string> DashboardMetrics()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "grafana-dashboard.json")));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var expr in Expressions(dashboard.RootElement))
        {
            var bare = Grouping().Replace(Matchers().Replace(expr, ""), "");
            foreach (Match name in Identifier().Matches(bare))
            {
                if (!name.Groups["call"].Success && !Keywords.Contains(name.Groups["name"].Value.ToLowerInvariant()))
                {
                    names.Add(name.Groups["name"].Value);
                }
            }
        }

        return names;
    }

    private static IEnumerable<string> Expressions(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "expr" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Expressions(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Expressions),
        _ => [],
    };

    // Label matchers {…} and range selectors […].
    [GeneratedRegex(@"\{[^}]*\}|\[[^\]]*\]")]
    private static partial Regex Matchers();

    // "by (label, …)" and "without (…)": label names, not metrics.
    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    // An identifier not preceded by a digit or a dot (so not part of 0.99 or 5m); a call when "(" follows.
    [GeneratedRegex(@"(?<![0-9.\w])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifier();
}
