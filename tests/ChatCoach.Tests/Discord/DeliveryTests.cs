using ChatCoach.Discord.Emulator;
using Microsoft.Data.Sqlite;

namespace ChatCoach.Tests.Discord;

/// <summary>What reaches the coach and how fast it is acknowledged: messages without text, and a slow database.</summary>
public sealed class DeliveryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly EmulatedAttachment Image = new("transcript.png", [0x89, 0x50, 0x4E, 0x47], "image/png");

    [Fact]
    public async Task An_image_only_dm_gets_a_short_note_and_changes_nothing_not_even_a_pending_confirmation()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "500000000000000041");
        await user.SayAsync("hi");
        await user.SayAsync("class of 2018");

        var note = await ReplyToImageAsync(bot, user);
        Assert.Contains("I can only read text", note.Content);
        Assert.Contains("How many times have you taken USMLE Step 1", user.Received[^2].Content);

        // A confirmation asked for stays pending across an image: "yes" still confirms it.
        await user.SayAsync("/start");
        Assert.Contains("Start over?", user.LastQuestion.Content);
        await ReplyToImageAsync(bot, user);
        await user.SayAsync("yes");
        Assert.Contains("What year did you graduate", user.LastQuestion.Content);
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task A_slow_database_still_acknowledges_a_command_and_a_click_within_3_seconds()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "500000000000000042");
        await user.SayAsync("hi");
        await CoachingConversation.PlayAsync(user, until: 3);
        var question = user.LastQuestion;

        string command, click;
        using (var blocker = new SqliteConnection($"Data Source={bot.Database};Pooling=False"))
        {
            // Another writer holds the database: every write of the bot waits for it, as on a slow disk.
            blocker.Open();
            using var begin = blocker.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
            command = await bot.Emulator.SlashCommandAsync(user.Id, "plan");
            click = await bot.Emulator.ClickButtonAsync(user.Id, question.Id, question.CustomIds().Single(id => id.EndsWith("|abroad", StringComparison.Ordinal)));
            await Task.Delay(TimeSpan.FromSeconds(4));
            using var commit = blocker.CreateCommand();
            commit.CommandText = "COMMIT";
            commit.ExecuteNonQuery();
        }

        await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == command && m.Content.Contains("Still to answer", StringComparison.Ordinal), Wait);
        foreach (var id in new[] { command, click })
        {
            var interaction = bot.Emulator.Interaction(id)!;
            Assert.NotNull(interaction.CallbackAt);
            Assert.True(interaction.CallbackAt - interaction.CreatedAt < TimeSpan.FromSeconds(3), $"acknowledged after {interaction.CallbackAt - interaction.CreatedAt}");
        }

        Assert.Equal(5, bot.Emulator.Interaction(command)!.CallbackType);
        await bot.Emulator.WaitForMessageAsync(m => m.Content.Contains("Where are you with USMLE Step 2 CK", StringComparison.Ordinal), Wait);
        Assert.Empty(bot.Emulator.Violations);
    }

    private static async Task<EmulatedMessage> ReplyToImageAsync(DiscordBot bot, CoachUser user)
    {
        var before = user.Received.Count;
        await bot.Emulator.SendDirectAttachmentAsync(user.Id, Image);
        var replies = await user.AwaitRepliesAsync(before);
        return Assert.Single(replies);
    }
}
