using ChatCoach.Discord.Emulator;
using ChatCoach.Discord.Emulator.RateLimits;
using Microsoft.Data.Sqlite;

namespace ChatCoach.Tests.Discord;

/// <summary>
/// No reply lost, none doubled: Discord processes a send and then answers 500 or drops the connection, or the host dies
/// between saving a turn and sending its reply. Each case counts the replies the user actually got.
/// </summary>
public sealed class ReplyFaultTests
{
    private const string GuildId = "700000000000000021";
    private const string NextQuestion = "How many times have you taken USMLE Step 1";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Long enough for any retry the bot would make to have been made (backoff 1 s, sweep 1 s, REST retry 1 s).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(4);

    private static int Count(DiscordBot bot, string userId, string text) =>
        bot.Emulator.BotMessages().Count(m => (m.RecipientUserId == userId || m.ChannelId == bot.Emulator.DmChannelId(userId)) && m.Content.Contains(text, StringComparison.Ordinal));

    [Theory]
    [InlineData(AfterwardsFault.ServerError)]
    [InlineData(AfterwardsFault.ConnectionDrop)]
    public async Task A_dm_reply_that_discord_processed_before_failing_arrives_exactly_once(AfterwardsFault fault)
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "500000000000000101");
        await user.SayAsync("hi");

        bot.Emulator.FaultAfterProcessing($"POST /channels/{bot.Emulator.DmChannelId(user.Id)}/messages", fault);
        await bot.Emulator.SendDirectMessageAsync(user.Id, "class of 2018");
        await bot.Emulator.WaitForMessageAsync(m => m.Content.Contains(NextQuestion, StringComparison.Ordinal), Wait);
        await Task.Delay(Settle);

        Assert.Equal(1, Count(bot, user.Id, NextQuestion));
        Assert.True(bot.Emulator.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith($"{bot.Emulator.DmChannelId(user.Id)}/messages", StringComparison.Ordinal)) >= 3,
            "the send was tried again after the fault (the nonce made Discord return the first message)");
        await user.SayAsync("twice");
        Assert.Contains("Have you passed Step 1 now", user.LastQuestion.Content);
    }

    [Theory]
    [InlineData(AfterwardsFault.ServerError)]
    [InlineData(AfterwardsFault.ConnectionDrop)]
    public async Task A_command_answer_that_discord_processed_before_failing_is_checked_not_sent_again(AfterwardsFault fault)
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "500000000000000102");
        await user.SayAsync("hi");

        bot.Emulator.FaultAfterProcessing("POST /interactions", fault);
        var id = await bot.Emulator.SlashCommandAsync(user.Id, "help");
        await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == id && !m.IsLoading, Wait);
        await bot.Emulator.WaitForRequestAsync(r => r.Method == "GET" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal), Wait);
        await Task.Delay(Settle);

        var interaction = bot.Emulator.Interaction(id)!;
        Assert.Equal(1, bot.Emulator.BotMessages().Count(m => m.InteractionId == id));
        Assert.Single(bot.Emulator.Requests, r => r.Method == "POST" && r.Path.Contains($"/interactions/{id}/", StringComparison.Ordinal));
        Assert.Equal((4, 0), (interaction.CallbackType, interaction.RejectedCallbacks));
        Assert.Empty(bot.Emulator.Violations);
    }

    [Theory]
    [InlineData(AfterwardsFault.ServerError)]
    [InlineData(AfterwardsFault.ConnectionDrop)]
    public async Task A_follow_up_that_discord_processed_before_failing_is_sent_once(AfterwardsFault fault)
    {
        await using var bot = await DiscordBot.StartAsync(o => o with { GuildIds = [GuildId] });
        var user = new CoachUser(bot.Emulator, "500000000000000103");
        await user.SayAsync("hi");
        var forgetId = await bot.Emulator.SlashCommandAsync(user.Id, "forget", guild: new GuildInvocation(GuildId));
        var confirm = await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == forgetId && m.CustomIds().Contains("k|forget|n"), Wait);

        bot.Emulator.FaultAfterProcessing("POST /webhooks", fault);
        var clickId = await bot.Emulator.ClickButtonAsync(user.Id, confirm.Id, "k|forget|n");
        await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == clickId && m.Origin == MessageOrigin.FollowUp, Wait);
        await Task.Delay(Settle);

        // The faulted follow-up (the first) is not sent again; the ones after it go as usual, all of them private.
        var followUps = bot.Emulator.BotMessages().Where(m => m.InteractionId == clickId && m.Origin == MessageOrigin.FollowUp).ToList();
        Assert.Single(followUps, m => m.Content.Contains("nothing changed", StringComparison.Ordinal));
        Assert.All(followUps, m => Assert.True(m.IsEphemeral));
        Assert.Equal(followUps.Count, bot.Emulator.Requests.Count(r => r.Method == "POST" && r.Path.Contains("/webhooks/", StringComparison.Ordinal)));
        Assert.Equal(followUps.Count, followUps.Select(m => m.Content).Distinct().Count());
    }

    [Fact]
    public async Task A_reply_saved_but_not_sent_when_the_host_is_killed_arrives_once_after_the_restart()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "500000000000000104");
        await user.SayAsync("hi");

        var held = bot.Emulator.HoldNext($"POST /channels/{bot.Emulator.DmChannelId(user.Id)}/messages");
        await bot.Emulator.SendDirectMessageAsync(user.Id, "class of 2018");
        await held.Arrived.WaitAsync(Wait);
        Assert.Equal(1, PendingReplies(bot));
        bot.Host.Kill();
        await Task.Delay(500);
        Assert.Equal(0, Count(bot, user.Id, NextQuestion));

        await bot.StartHostAsync();
        await bot.Emulator.WaitForMessageAsync(m => m.Content.Contains(NextQuestion, StringComparison.Ordinal), Wait);
        await Task.Delay(Settle);

        Assert.Equal(1, Count(bot, user.Id, NextQuestion));
        Assert.Equal(0, PendingReplies(bot));
        await user.SayAsync("twice");
        Assert.Contains("Have you passed Step 1 now", user.LastQuestion.Content);
    }

    private static long PendingReplies(DiscordBot bot)
    {
        using var connection = new SqliteConnection($"Data Source={bot.Database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM reply_outbox";
        return (long)count.ExecuteScalar()!;
    }
}
