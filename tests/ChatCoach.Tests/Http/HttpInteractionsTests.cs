using System.Text.Json;
using ChatCoach.Discord.Emulator;
using ChatCoach.Tests.Discord;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Tests.Http;

/// <summary>
/// Discord's HTTP interactions transport against the real Kestrel endpoint of the real host, with the emulator
/// signing requests as Discord does and taking the HTTP response as the interaction's answer.
/// </summary>
public sealed class HttpInteractionsTests
{
    private const string Ping = """{"type":1,"id":"1190000000000000001","application_id":"234248956100616262","token":"ping-token","version":1}""";

    /// <summary>The emulator and <paramref name="replicas"/> hosts on one database, each with its own HTTP listener.</summary>
    private static async Task<(DiscordBot Bot, Uri[] Endpoints)> StartAsync(int replicas = 1, bool duplicate = false, params string[] settings)
    {
        var ports = Enumerable.Range(0, replicas).Select(_ => FreePort.Next()).ToArray();
        var endpoints = ports.Select(p => new Uri($"http://127.0.0.1:{p}/interactions")).ToArray();
        string[] Http(DiscordEmulator emulator, int port) =>
            [$"--ChatCoach:Http:Urls=http://127.0.0.1:{port}", $"--ChatCoach:Discord:PublicKey={emulator.InteractionsPublicKey}", .. settings];

        var bot = await DiscordBot.StartAsync(o => o with { InteractionsEndpoints = endpoints, DuplicateInteractionDeliveries = duplicate },
            emulator => Http(emulator, ports[0]));
        foreach (var port in ports.Skip(1))
        {
            await bot.StartHostAsync(Http(bot.Emulator, port));
        }

        return (bot, endpoints);
    }

    /// <summary>The bot over HTTP (as <see cref="StartAsync"/>) and a user <paramref name="steps"/> questions into the coach conversation.</summary>
    private static async Task<(DiscordBot Bot, Uri[] Endpoints, CoachUser User)> StartWithUserAsync(string userId, int steps, int replicas = 1,
        bool duplicate = false, params string[] settings)
    {
        var (bot, endpoints) = await StartAsync(replicas, duplicate, settings);
        try
        {
            var user = new CoachUser(bot.Emulator, userId);
            await user.SayAsync("hi");
            await CoachingConversation.PlayAsync(user, until: steps);
            return (bot, endpoints, user);
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    [Fact]
    public async Task A_signed_ping_gets_pong_and_forged_unsigned_replayed_oversized_and_malformed_requests_are_refused()
    {
        var (bot, endpoints) = await StartAsync();
        await using var _ = bot;
        var endpoint = endpoints[0];
        var oversized = Ping.Replace("ping-token", new string('x', 70 * 1024), StringComparison.Ordinal);

        var pong = await bot.Emulator.SendInteractionRequestAsync(endpoint, Ping);
        var forged = await bot.Emulator.SendInteractionRequestAsync(endpoint, Ping, InteractionRequestFault.ForgedSignature);
        var unsigned = await bot.Emulator.SendInteractionRequestAsync(endpoint, Ping, InteractionRequestFault.NoSignature);
        var replayed = await bot.Emulator.SendInteractionRequestAsync(endpoint, Ping, InteractionRequestFault.Replayed);
        var tooBig = await bot.Emulator.SendInteractionRequestAsync(endpoint, oversized, InteractionRequestFault.NoSignature);
        var malformed = await bot.Emulator.SendInteractionRequestAsync(endpoint, """{"type":1,"id":""");
        var notAnInteraction = await bot.Emulator.SendInteractionRequestAsync(endpoint, "[1,2,3]");

        Assert.Equal(200, pong.Status);
        Assert.Equal(1, JsonDocument.Parse(pong.Body).RootElement.GetProperty("type").GetInt32());
        Assert.Equal(401, forged.Status);
        Assert.Equal(401, unsigned.Status);
        Assert.Equal(401, replayed.Status);
        Assert.Equal(413, tooBig.Status);
        Assert.Equal(400, malformed.Status);
        Assert.Equal(400, notAnInteraction.Status);
        Assert.Contains("interaction request was refused", bot.Host.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("ping-token", bot.Host.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicks_and_commands_over_http_are_answered_in_the_http_response_with_the_conversation_unchanged()
    {
        var (bot, endpoints, user) = await StartWithUserAsync("500000000000000101", steps: 5);
        await using var _ = bot;
        var help = await bot.Emulator.SlashCommandAsync(user.Id, "help");
        var helpAnswer = await WaitForAnswerAsync(bot.Emulator, help);

        var clicks = bot.Emulator.Interactions.Where(i => i.Type == 3).ToList();
        Assert.Equal(2, clicks.Count);
        Assert.All(clicks, c => Assert.Contains(bot.Emulator.HttpAnswers, a => a.InteractionId == c.Id && a.Status == 200 && a.CallbackType is 6 or 7));
        Assert.All(clicks, c => Assert.NotNull(bot.Emulator.Interaction(c.Id)!.CallbackType));
        Assert.Contains("Since graduating, how long", user.LastQuestion.Content, StringComparison.Ordinal);
        Assert.Equal(200, helpAnswer.Status);
        Assert.True(helpAnswer.CallbackType is 4 or 5, $"a command is answered with a reply or a deferral, not {helpAnswer.CallbackType}");
        Assert.NotNull(bot.Emulator.Interaction(help)!.ResponseMessageId);
        Assert.Empty(bot.Emulator.Violations);
        Assert.DoesNotContain(bot.Emulator.GatewayFrames, f => f.EventName == "INTERACTION_CREATE");

        using var http = new HttpClient();
        var metrics = PrometheusText.Parse(await http.GetStringAsync(new Uri(endpoints[0], "/metrics")));
        Assert.Equal(2, metrics.Sum("chatcoach_gateway_state", ("shard", "0")));
        Assert.True(metrics.Sum("chatcoach_turns_total", ("channel", "discord")) >= 7, "every message, click and command is a turn");
        var routes = metrics.Samples.Where(m => m.Name == "chatcoach_rest_requests_total").ToList();
        Assert.True(routes.Where(m => m.Labels["route"].Contains("channels/{channel_id}/messages", StringComparison.Ordinal) && m.Labels["status"] == "200")
            .Sum(m => m.Value) >= 5, string.Join('\n', routes.Select(m => $"{m.Labels["route"]} {m.Labels["status"]} {m.Value}")));
        Assert.True(metrics.Has("chatcoach_outbox_pending"));
        Assert.True(metrics.Has("chatcoach_rest_invalid_requests"));
        Assert.DoesNotContain(metrics.Samples.SelectMany(m => m.Labels.Values), v => System.Text.RegularExpressions.Regex.IsMatch(v, "[0-9]{15,}") || v.Contains(user.Id, StringComparison.Ordinal));

        // The gauge is refreshed at each sweep: once every reply so far is sent, it reads 0. A reply Discord has not
        // taken yet is pending in the outbox, and the gauge says so until it is sent.
        Assert.Equal(0, await WaitForPendingAsync(http, endpoints[0], p => p == 0));
        var held = bot.Emulator.HoldNext($"POST /channels/{bot.Emulator.DmChannelId(user.Id)}/messages");
        await bot.Emulator.SendDirectMessageAsync(user.Id, "a year and a half");
        await held.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        var pending = await WaitForPendingAsync(http, endpoints[0], p => p >= 1);
        held.Release();
        var sent = await WaitForPendingAsync(http, endpoints[0], p => p == 0);
        Assert.True(pending >= 1, $"pending {pending}");
        Assert.Equal(0, sent);
        await bot.Emulator.WaitForMessageAsync(m => m.RecipientUserId == user.Id && m.Content.Contains(CoachingConversation.Steps[6].Question, StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(30));
    }

    /// <summary>Scrapes until <c>chatcoach_outbox_pending</c> satisfies <paramref name="wanted"/>; its value then.</summary>
    private static async Task<double> WaitForPendingAsync(HttpClient http, Uri endpoint, Func<double, bool> wanted)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var pending = PrometheusText.Parse(await http.GetStringAsync(new Uri(endpoint, "/metrics"))).Sum("chatcoach_outbox_pending");
            if (wanted(pending) || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return pending;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_click_delivered_to_two_replicas_is_answered_once()
    {
        var (bot, endpoints, user) = await StartWithUserAsync("500000000000000102", steps: 3, replicas: 2, duplicate: true);
        await using var _ = bot;

        await CoachingConversation.PlayAsync(user, from: 3, until: 4);
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a second answer, were there one

        var click = bot.Emulator.Interactions.Single(i => i.Type == 3);
        var answers = bot.Emulator.HttpAnswers.Where(a => a.InteractionId == click.Id).ToList();
        Assert.Equal(endpoints.Select(e => e.ToString()).Order(), answers.Select(a => a.Endpoint.ToString()).Order());
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Single(user.Received, m => m.Content.Contains("Where are you with USMLE Step 2 CK", StringComparison.Ordinal));
        Assert.Equal(0, bot.Emulator.Interaction(click.Id)!.RejectedCallbacks);
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task An_answer_longer_than_one_message_comes_first_in_the_http_response_then_as_follow_ups_in_order_each_once()
    {
        // Time enough to answer in the response itself even on a loaded machine (a deferral is tested elsewhere).
        var (bot, _, user) = await StartWithUserAsync("500000000000000103", steps: 1, settings: "--ChatCoach:Discord:DeferAfterMilliseconds=2500");
        await using var _ = bot;

        var plan = await bot.Emulator.SlashCommandAsync(user.Id, "plan");
        var answer = await WaitForAnswerAsync(bot.Emulator, plan);
        var last = await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == plan && m.Content.Contains("Still to answer", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a part sent twice, were there one

        var parts = bot.Emulator.BotMessages().Where(m => m.InteractionId == plan).OrderBy(m => long.Parse(m.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var token = bot.Emulator.Interaction(plan)!.Token;
        var followUps = bot.Emulator.Requests.Count(r => r.Method == "POST" && r.Path.Contains($"/webhooks/", StringComparison.Ordinal) && r.Path.EndsWith(token, StringComparison.Ordinal));
        Assert.Equal((200, 4), (answer.Status, answer.CallbackType));
        Assert.True(parts.Count >= 2, $"{parts.Count} part(s)");
        Assert.True(parts.Sum(p => p.Content.Length) > 2000, "the answer is longer than one Discord message");
        Assert.Equal(MessageOrigin.InteractionResponse, parts[0].Origin);
        Assert.Equal(parts[0].Id, bot.Emulator.Interaction(plan)!.ResponseMessageId);
        Assert.Contains(CoachingConversation.PlanHeading, parts[0].Content, StringComparison.Ordinal);
        Assert.All(parts.Skip(1), p => Assert.Equal(MessageOrigin.FollowUp, p.Origin));
        Assert.All(parts, p => Assert.InRange(p.Content.Length, 1, 2000));
        Assert.Equal(last.Id, parts[^1].Id);
        Assert.Single(parts, p => p.Content.Contains(CoachingConversation.PlanHeading, StringComparison.Ordinal));
        Assert.Equal(parts.Count, parts.Select(p => p.Content).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(parts.Count - 1, followUps);
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task A_404_on_editing_a_clicked_question_after_the_http_answer_is_logged_and_counted_as_dropped_and_the_conversation_goes_on()
    {
        var (bot, endpoints, user) = await StartWithUserAsync("500000000000000104", steps: 3);
        await using var _ = bot;
        var question = user.LastQuestion;

        // The click is answered with a deferred update in the HTTP response, then its message is edited through @original.
        bot.Emulator.FailNext("PATCH /webhooks", 404);
        await CoachingConversation.PlayAsync(user, from: 3, until: 4);

        using var http = new HttpClient();
        var pending = await WaitForPendingAsync(http, endpoints[0], p => p == 0);
        var metrics = PrometheusText.Parse(await http.GetStringAsync(new Uri(endpoints[0], "/metrics")));
        var click = bot.Emulator.Interactions.Single(i => i.Type == 3);
        Assert.Equal(6, bot.Emulator.HttpAnswers.Single(a => a.InteractionId == click.Id).CallbackType);
        Assert.Single(bot.Emulator.Requests, r => r.Method == "PATCH" && r.Path.EndsWith($"/{click.Token}/messages/@original", StringComparison.Ordinal));
        Assert.Equal(0, bot.Emulator.BotMessages().Single(m => m.Id == question.Id).Revision); // the question was never edited
        Assert.Contains("Where are you with USMLE Step 2 CK", user.LastQuestion.Content, StringComparison.Ordinal);
        Assert.Equal(1, metrics.Sum("chatcoach_outbox_dropped_total"));
        Assert.Equal(0, pending);
        var lines = bot.Host.Errors.Split('\n');
        var dropped = Array.FindIndex(lines, l => l.Contains("A reply (Original) was dropped", StringComparison.Ordinal));
        Assert.True(dropped >= 0, bot.Host.Errors);
        Assert.Contains("HTTP 404", lines[dropped], StringComparison.Ordinal);
        // The simple console format heads each entry with its level ("warn: Category"), scopes and message below it.
        Assert.StartsWith("warn:", lines.Take(dropped + 1).Last(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^(trce|dbug|info|warn|fail|crit):")), StringComparison.Ordinal);
        Assert.DoesNotContain(question.Content, bot.Host.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain(click.Token, bot.Host.Errors, StringComparison.Ordinal);
    }

    private static async Task<HttpInteractionAnswer> WaitForAnswerAsync(DiscordEmulator emulator, string interactionId)
    {
        for (var waited = 0; waited < 30_000; waited += 20)
        {
            if (emulator.HttpAnswers.FirstOrDefault(a => a.InteractionId == interactionId) is { } answer)
            {
                return answer;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"interaction {interactionId} was never answered over HTTP");
    }
}
