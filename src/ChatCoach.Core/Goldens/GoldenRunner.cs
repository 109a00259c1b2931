using System.Text;
using ChatCoach.Core.Advice;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCoach.Core.Goldens;

/// <summary>
/// Replays golden conversations through the real conversation service, engine and store, each on its own
/// <c>today:</c>, or on the day of <paramref name="clock"/> (which <c>ChatCoach:Clock:Today</c> may set) when it names none.
/// </summary>
public sealed class GoldenRunner(ScriptCatalog catalog, ISessionStore store, TimeProvider clock)
{
    private const string Platform = "golden";

    /// <summary>Plays one conversation; the result lists every failed expectation with what the bot actually said.</summary>
    public async Task<GoldenResult> RunAsync(GoldenConversation golden, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(golden);
        var failures = new List<string>();
        if (catalog.Find(golden.Script) is null)
        {
            failures.Add($"{golden.File}: script '{golden.Script}' is not loaded (or failed validation)");
            return new GoldenResult(golden, failures, []);
        }

        var today = golden.Today ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var noon = new FixedTime(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var service = new ConversationService(catalog, store, noon, Options.Create(new PrivacyOptions()), NullLogger<ConversationService>.Instance);
        var user = $"{Path.GetFileNameWithoutExtension(golden.File)}-{Guid.NewGuid():N}";
        IReadOnlyList<string> reached = [];
        try
        {
            var opening = await service.HandleAsync(new Inbound(Platform, user, Input.Open(), Script: golden.Script), cancellationToken);
            Check(golden.File, "opening", opening.Replies, golden.Opening, [], failures);
            var asked = opening.Replies.LastOrDefault(r => r.Node is not null);
            foreach (var step in golden.Steps)
            {
                var input = step.User is { } text
                    ? Input.Message(text)
                    : Input.Click(asked?.Node ?? string.Empty, asked?.Turn ?? 0, step.Click!);
                var response = await service.HandleAsync(new Inbound(Platform, user, input), cancellationToken);
                var where = $"{golden.File}({step.Line}): {step}";
                Check(where, "reply", response.Replies, step.Expect, step.Absent, failures);
                asked = response.Replies.LastOrDefault(r => r.Node is not null) ?? asked;
                if (step.Answers.Count > 0)
                {
                    var session = await store.LoadAsync(Platform, user, cancellationToken);
                    CheckAnswers(where, session, step.Answers, failures);
                }
            }

            reached = await AdviceInFinalPlanAsync(user, today, golden, failures, cancellationToken);
        }
        finally
        {
            await store.EraseAsync(Platform, user, cancellationToken);
        }

        return new GoldenResult(golden, failures, reached);
    }

    /// <summary>
    /// The advice entries of the plan the conversation ended with (none when it did not reach the plan), checking
    /// the golden's <c>plan:</c> expectations on the way.
    /// </summary>
    private async Task<IReadOnlyList<string>> AdviceInFinalPlanAsync(string user, DateOnly today, GoldenConversation golden, List<string> failures,
        CancellationToken cancellationToken)
    {
        var session = await store.LoadAsync(Platform, user, cancellationToken);
        if (session?.Node is not { } node || catalog.For(session, today).Engine.Script is not { } script || script.Nodes[node].Type != NodeType.End)
        {
            if (golden.Plan is not null)
            {
                failures.Add($"{golden.File}: 'plan' is checked, but the conversation does not end at the plan");
            }

            return [];
        }

        var facts = new Facts(session.Answers, script, today);
        var advice = PlanWriter.Matching(script, facts);
        if (golden.Plan is { } plan)
        {
            CheckPlan(golden.File, plan, PlanWriter.RealisticMatch(script, facts)?.Year, PlanWriter.Layout(advice), failures);
        }

        return advice.Select(a => a.Id).ToList();
    }

    private static void CheckPlan(string file, GoldenPlan plan, int? year, IReadOnlyList<PlanSection> layout, List<string> failures)
    {
        var match = year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        if (plan.Match is { } expectedMatch && expectedMatch != match)
        {
            failures.Add($"{file}: plan: realistic Match expected {expectedMatch}, but was {match}");
        }

        var now = layout.FirstOrDefault(s => s.Phase == AdvicePhase.Now)?.Steps ?? [];
        if (now.Count > PlanWriter.NowSteps)
        {
            failures.Add($"{file}: plan: {now.Count} steps to do now, more than {PlanWriter.NowSteps}");
        }

        var ids = now.Select(s => s.Entry.Id).Distinct(StringComparer.Ordinal).ToList();
        if (plan.Now is { } expectedNow && !expectedNow.SequenceEqual(ids, StringComparer.Ordinal))
        {
            failures.Add($"{file}: plan: do-now steps expected from [{string.Join(", ", expectedNow)}], but were from [{string.Join(", ", ids)}]");
        }
    }

    private static void Check(string where, string what, IReadOnlyList<Reply> replies, IReadOnlyList<string> expect,
        IReadOnlyList<string> absent, List<string> failures)
    {
        var said = string.Join("\n", replies.Select(r => r.ToPlainText()));
        var missing = expect.Where(e => !said.Contains(e, StringComparison.OrdinalIgnoreCase)).ToList();
        var unwanted = absent.Where(a => said.Contains(a, StringComparison.OrdinalIgnoreCase)).ToList();
        if (missing.Count == 0 && unwanted.Count == 0)
        {
            return;
        }

        var report = new StringBuilder($"{where}: the {what} does not match");
        foreach (var m in missing)
        {
            report.Append("\n  - expected to contain: \"").Append(m).Append('"');
        }

        foreach (var u in unwanted)
        {
            report.Append("\n  + must not contain:    \"").Append(u).Append('"');
        }

        report.Append("\n  the bot said:");
        foreach (var line in said.Split('\n'))
        {
            report.Append("\n  | ").Append(line);
        }

        failures.Add(report.ToString());
    }

    private static void CheckAnswers(string where, Session? session, IReadOnlyDictionary<string, string?> expected, List<string> failures)
    {
        foreach (var (name, value) in expected)
        {
            var has = session?.Answers.TryGetValue(name, out var actual) ?? false;
            var actualText = has ? session!.Answers[name].ToString() : null;
            var same = value is null ? !has : has && Same(session!.Answers[name], value);
            if (!same)
            {
                failures.Add($"{where}: answer '{name}' expected {value ?? "not stored"}, but was {actualText ?? "not stored"}");
            }
        }
    }

    private static bool Same(Answers.AnswerValue actual, string expected) => actual.Type switch
    {
        Answers.AnswerValueType.Boolean => (expected is "true" or "yes") == actual.Boolean && expected is "true" or "yes" or "false" or "no",
        _ => string.Equals(actual.ToString(), expected, StringComparison.OrdinalIgnoreCase),
    };

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>The outcome of one golden conversation.</summary>
/// <param name="Conversation">The conversation played.</param>
/// <param name="Failures">Every expectation that did not hold, with what the bot said.</param>
/// <param name="AdviceReached">The ids of the advice entries in the plan the conversation ended with.</param>
public sealed record GoldenResult(GoldenConversation Conversation, IReadOnlyList<string> Failures, IReadOnlyList<string> AdviceReached)
{
    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.Count == 0;
}
