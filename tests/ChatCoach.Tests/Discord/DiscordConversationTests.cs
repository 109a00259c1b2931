using Xunit.Abstractions;

namespace ChatCoach.Tests.Discord;

/// <summary>
/// The real host against the loopback Discord emulator: users coached in DMs by typing and clicking, through
/// dropped sockets, a killed host, rate limits, duplicate deliveries and floods.
/// </summary>
public sealed class DiscordConversationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_user_completes_the_whole_conversation_in_dms_typing_and_clicking()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "400000000000000001");

        var opening = await user.SayAsync("hi");
        Assert.Contains(opening, m => m.Content.Contains("not affiliated with USMLE", StringComparison.Ordinal));
        await CoachingConversation.PlayAsync(user);

        var plan = string.Join("\n", user.Received.SkipWhile(m => !m.Content.Contains(CoachingConversation.PlanHeading, StringComparison.Ordinal)).Select(m => m.Content));
        Assert.Contains("Step 2 CK", plan);
        Assert.Contains("Source", plan);
        Assert.All(user.Received, m => Assert.True(m.Content.Length <= 2000));
        var clicked = bot.Emulator.MessagesToUser(user.Id).Single(m => m.Content.StartsWith("Where is your medical school", StringComparison.Ordinal));
        Assert.True(clicked.Revision > 0, "the answered question was updated");
        Assert.Contains("\"disabled\":true", clicked.Json, StringComparison.Ordinal);
        var typed = bot.Emulator.MessagesToUser(user.Id).Single(m => m.Content.StartsWith("What's the most hands-on US clinical experience", StringComparison.Ordinal));
        Assert.True(typed.Revision > 0, "a question answered by typing retires its buttons too");
        Assert.Contains("\"disabled\":true", typed.Json, StringComparison.Ordinal);
        Assert.Empty(bot.Emulator.Violations);
        Report(user, faults: 0);
    }

    [Fact]
    public async Task A_dropped_socket_loses_nothing_and_answers_nothing_twice()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "400000000000000002");
        await user.SayAsync("hi");
        await CoachingConversation.PlayAsync(user, until: 3);

        await bot.Emulator.DropConnectionsAsync();
        var before = user.Received.Count;
        await bot.Emulator.SendDirectMessageAsync(user.Id, "abroad"); // sent while the bot is away: replayed on resume
        await user.AwaitRepliesAsync(before);
        await bot.Emulator.SendReconnectAsync();
        await CoachingConversation.PlayAsync(user, from: 4);

        Assert.Contains(bot.Emulator.Connections, c => c.Resumed);
        AssertEachQuestionOnce(user);
        Assert.Empty(bot.Emulator.Violations);
        Report(user, faults: 2);
    }

    [Fact]
    public async Task A_host_killed_mid_conversation_continues_after_a_restart()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "400000000000000003");
        await user.SayAsync("hi");
        await CoachingConversation.PlayAsync(user, until: 6);

        bot.Host.Kill();
        await bot.StartHostAsync();
        await CoachingConversation.PlayAsync(user, from: 6);

        AssertEachQuestionOnce(user);
        Assert.Contains(CoachingConversation.PlanHeading, string.Join("\n", user.Received.Select(m => m.Content)));
        Report(user, faults: 1);
    }

    [Fact]
    public async Task Rate_limits_are_waited_out_without_sending_before_the_reset()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "400000000000000004");
        await user.SayAsync("hi");

        bot.Emulator.RateLimitNext("POST /channels", TimeSpan.FromSeconds(1));
        var replies = await user.SayAsync("2018");

        Assert.Contains("Step 1", replies[^1].Content);
        Assert.Contains(bot.Emulator.Requests, r => r.Status == 429);
        Assert.Empty(bot.Emulator.Violations);
        Assert.True(user.Latencies[^1] >= TimeSpan.FromSeconds(0.9), $"the reply came after {user.Latencies[^1]}, before the reset");
    }

    [Fact]
    public async Task Two_hosts_on_the_same_token_and_database_answer_each_message_once()
    {
        await using var bot = await DiscordBot.StartAsync();
        await bot.StartHostAsync();
        var user = new CoachUser(bot.Emulator, "400000000000000005");

        await user.SayAsync("hi");
        await CoachingConversation.PlayAsync(user, until: 5);

        AssertEachQuestionOnce(user);
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task A_flooding_user_gets_one_polite_note_and_the_extra_messages_are_not_coached()
    {
        await using var bot = await DiscordBot.StartAsync(settings: "--ChatCoach:Discord:UserMessagesPer10s=3");
        var user = new CoachUser(bot.Emulator, "400000000000000006");
        var reask = (await Core.Scripts.ScriptLoader.LoadFileAsync(Path.Combine(Shared.RepositoryPaths.Dialogs, "coach.yaml"))).Script!
            .Nodes["graduation_year"].Question!.Reask;

        for (var i = 0; i < 8; i++)
        {
            // Unreadable, not "idk": an explicit unknown is accepted at once and would not be re-asked.
            await bot.Emulator.SendDirectMessageAsync(user.Id, "purple");
        }

        await bot.Emulator.WaitForMessageAsync(m => m.Content.Contains("faster than I can coach", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await user.AwaitRepliesAsync(0);
        Assert.Equal(1, user.Received.Count(m => m.Content.Contains("faster than I can coach", StringComparison.Ordinal)));
        Assert.Equal(2, user.Received.Count(m => m.Content == reask));
    }

    [Fact]
    public async Task A_click_on_an_old_question_gets_a_short_private_note_and_changes_nothing()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "400000000000000007");
        await user.SayAsync("hi");
        await CoachingConversation.PlayAsync(user, until: 3);
        var school = user.LastQuestion;
        bot.Host.Kill(); // a new host does not know which buttons are still open, so typing leaves them clickable
        await bot.StartHostAsync();
        await user.SayAsync("outside the US and Canada");

        await bot.Emulator.ClickButtonAsync(user.Id, school.Id, school.CustomIds().First(id => id.EndsWith("|us", StringComparison.Ordinal)));

        var note = await bot.Emulator.WaitForMessageAsync(m => m.IsEphemeral && m.RecipientUserId == user.Id, TimeSpan.FromSeconds(30));
        Assert.Contains("already answered", note.Content);
        Assert.Contains("Where are you with USMLE Step 2 CK", user.LastQuestion.Content);
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task A_click_after_a_restart_still_answers_its_question()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "400000000000000008");
        await user.SayAsync("hi");
        await CoachingConversation.PlayAsync(user, until: 3);

        bot.Host.Kill();
        await bot.StartHostAsync();
        await CoachingConversation.PlayAsync(user, from: 3, until: 5);

        Assert.Contains("Since graduating", user.LastQuestion.Content);
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task A_bad_token_stops_the_host_with_a_clear_message_and_a_non_zero_exit_code()
    {
        await using var bot = await DiscordBot.StartAsync();
        var wrong = "wrong-token-7f3a9c";

        using var host = ChatCoachProcess.Start(bot.Folder, bot.Arguments(wrong));
        var code = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, code);
        Assert.Contains("token", host.Errors, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(wrong, host.Errors + host.Output);
    }

    private static void AssertEachQuestionOnce(CoachUser user)
    {
        foreach (var (question, _) in CoachingConversation.Steps)
        {
            var asked = user.Received.Count(m => m.Content.Contains(question, StringComparison.OrdinalIgnoreCase));
            Assert.True(asked <= 1, $"'{question}' was asked {asked} times");
        }
    }

    private void Report(CoachUser user, int faults)
    {
        var sorted = user.Latencies.Order().ToList();
        output.WriteLine($"conversation completed: turns {sorted.Count}, faults {faults}, median event→reply {sorted[sorted.Count / 2].TotalMilliseconds:F0} ms, max {sorted[^1].TotalMilliseconds:F0} ms");
    }
}
