using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatCoach.Discord.Emulator;

namespace ChatCoach.Bench;

/// <summary>
/// One simulated Discord user of the HTTP-interactions benchmark: runs <c>/start</c> in the bot's DM, then answers
/// every question by clicking one of the buttons (or picking an option of the select) of the message it was sent,
/// until the plan. Each command and click is a signed interaction the emulator POSTs to a replica's endpoint.
/// </summary>
internal sealed class ClickingUser(DiscordEmulator emulator, string id, int seed)
{
    /// <summary>The end node's text in bench/clicks/clicks.yaml.</summary>
    public const string PlanText = "Here is your plan.";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public string Id => id;

    /// <summary>The interactions this user sent, in order.</summary>
    public List<string> Interactions { get; } = [];

    /// <summary>For each command or click, the time until the next question (or the plan) arrived, in ms.</summary>
    public List<double> TurnTimes { get; } = [];

    public bool ReachedPlan { get; private set; }

    public async Task PlayAsync(int maxQuestions)
    {
        var started = Stopwatch.GetTimestamp();
        var start = await emulator.SlashCommandAsync(id, "start");
        Interactions.Add(start);
        var message = await NextAsync(after: 0, start);
        TurnTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        for (var asked = 0; asked < maxQuestions && !message.Content.Contains(PlanText, StringComparison.Ordinal); asked++)
        {
            started = Stopwatch.GetTimestamp();
            Interactions.Add(await AnswerAsync(message, asked));
            message = await NextAsync(long.Parse(message.Id, CultureInfo.InvariantCulture), start);
            TurnTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        ReachedPlan = message.Content.Contains(PlanText, StringComparison.Ordinal);
    }

    /// <summary>Questions or plans this user was sent more than once (0 when every turn was answered once).</summary>
    public int Duplicates() => emulator.MessagesToUser(id)
        .Where(m => m.CustomIds().Count > 0 || m.Content.Contains(PlanText, StringComparison.Ordinal))
        .GroupBy(m => m.Content, StringComparer.Ordinal)
        .Sum(g => g.Count() - 1);

    /// <summary>A click on one of the message's buttons, or a choice in its select, varied by user and question.</summary>
    private Task<string> AnswerAsync(EmulatedMessage question, int asked)
    {
        var component = question.Components.EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).ToList();
        var pick = seed + asked;
        if (component is [{ } select] && select.GetProperty("type").GetInt32() == 3)
        {
            var options = select.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()!).ToList();
            return emulator.SelectAsync(id, question.Id, select.GetProperty("custom_id").GetString()!, options[pick % options.Count]);
        }

        var buttons = component.Select(b => b.GetProperty("custom_id").GetString()!).ToList();
        return emulator.ClickButtonAsync(id, question.Id, buttons[pick % buttons.Count]);
    }

    /// <summary>The next message with something to click (or the plan) after message <paramref name="after"/>.</summary>
    private Task<EmulatedMessage> NextAsync(long after, string start) => emulator.WaitForMessageAsync(
        m => (m.RecipientUserId == id || m.InteractionId == start) && !m.IsLoading && long.Parse(m.Id, CultureInfo.InvariantCulture) > after
            && (m.Components is { ValueKind: JsonValueKind.Array } c && c.GetArrayLength() > 0 || m.Content.Contains(PlanText, StringComparison.Ordinal)),
        Patience);
}
