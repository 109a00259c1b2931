using System.Text;
using ChatCoach.Discord.Emulator;

namespace ChatCoach.Tests.Discord;

/// <summary>The slash commands, as users and moderators meet them: in DMs and in a server, against the loopback emulator.</summary>
public sealed class SlashCommandTests
{
    private const string GuildId = "700000000000000001";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly GuildInvocation Member = new(GuildId);

    private static async Task<EmulatedMessage> RunAsync(DiscordBot bot, string user, string name, GuildInvocation? guild = null,
        params CommandOptionValue[] options)
    {
        var id = await bot.Emulator.SlashCommandAsync(user, name, options, guild);
        return await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == id && m.Origin == MessageOrigin.InteractionResponse && !m.IsLoading, Wait);
    }

    private static async Task<CoachUser> MidConversationAsync(DiscordBot bot, string userId, int steps = 3)
    {
        var user = new CoachUser(bot.Emulator, userId);
        await user.SayAsync("hi");
        await CoachingConversation.PlayAsync(user, until: steps);
        return user;
    }

    [Fact]
    public async Task Every_user_command_answers_in_dms_visibly_to_the_user()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = await MidConversationAsync(bot, "500000000000000001");

        var help = await RunAsync(bot, user.Id, "help");
        Assert.Contains("not affiliated with USMLE", help.Content);
        Assert.False(help.IsEphemeral);

        var plan = await RunAsync(bot, user.Id, "plan");
        await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == plan.InteractionId && m.Content.Contains("Still to answer", StringComparison.Ordinal), Wait);

        var back = await RunAsync(bot, user.Id, "back");
        Assert.Contains("Have you passed Step 1 now", back.Content);

        var start = await RunAsync(bot, user.Id, "start");
        Assert.Contains(start.CustomIds(), id => id.StartsWith("k|start|", StringComparison.Ordinal));

        var export = await RunAsync(bot, user.Id, "export");
        Assert.Contains(export.Files, f => f.FileName == "chatcoach-export.md");

        var forget = await RunAsync(bot, user.Id, "forget");
        Assert.Contains(forget.CustomIds(), id => id == "k|forget|y");
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task Every_user_command_in_a_server_is_private_and_nothing_is_posted_in_the_channel()
    {
        await using var bot = await DiscordBot.StartAsync(o => o with { GuildIds = [GuildId] });
        var user = await MidConversationAsync(bot, "500000000000000002");

        foreach (var name in new[] { "help", "plan", "back", "export", "forget", "start" })
        {
            var reply = await RunAsync(bot, user.Id, name, Member);
            Assert.True(reply.IsEphemeral, $"/{name} in a server must be ephemeral");
        }

        Assert.All(bot.Emulator.BotMessages().Where(m => m.GuildId == GuildId), m => Assert.True(m.IsEphemeral, m.Content));
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task Start_in_a_server_continues_in_a_dm_and_says_how_to_open_dms_when_they_are_closed()
    {
        await using var bot = await DiscordBot.StartAsync(o => o with { GuildIds = [GuildId] });
        var user = new CoachUser(bot.Emulator, "500000000000000003");

        var opened = await RunAsync(bot, user.Id, "start", Member);
        Assert.Contains("direct message", opened.Content);
        Assert.True(opened.IsEphemeral);
        await user.AwaitRepliesAsync(0);
        Assert.Contains("What year did you graduate", user.LastQuestion.Content);

        var closed = new CoachUser(bot.Emulator, "500000000000000004");
        bot.Emulator.SetDirectMessagesBlocked(closed.Id, blocked: true);
        var refused = await RunAsync(bot, closed.Id, "start", Member);
        Assert.Contains("Privacy Settings", refused.Content);
        Assert.True(refused.IsEphemeral);
    }

    [Fact]
    public async Task An_unknown_command_gets_a_clear_answer_and_the_bot_keeps_serving()
    {
        await using var bot = await DiscordBot.StartAsync(o => o with { RequireRegisteredCommands = false });
        var user = new CoachUser(bot.Emulator, "500000000000000010");

        var unknown = await RunAsync(bot, user.Id, "dance");
        await user.SayAsync("hi");

        Assert.Contains("I don't know that command", unknown.Content);
        Assert.Contains("What year did you graduate", user.LastQuestion.Content);
    }

    [Fact]
    public async Task Another_bot_is_neither_coached_by_dm_nor_served_by_commands()
    {
        await using var bot = await DiscordBot.StartAsync();
        const string otherBot = "500000000000000011";
        await bot.Emulator.SendDirectMessageAsync(otherBot, "hi", authorIsBot: true); // the emulator now knows it as a bot

        var refused = await RunAsync(bot, otherBot, "plan");

        Assert.Contains("other bots can't use", refused.Content);
        Assert.DoesNotContain(bot.Emulator.MessagesToUser(otherBot), m => m.Origin == MessageOrigin.ChannelMessage);
    }

    [Fact]
    public async Task Registration_is_skipped_on_a_second_start_with_unchanged_commands()
    {
        await using var bot = await DiscordBot.StartAsync();
        Assert.Contains("Registered 6 slash commands", bot.Host.Errors);
        Assert.Single(bot.Emulator.CommandRegistrations);

        bot.Host.Kill();
        await bot.StartHostAsync();
        await bot.WaitForLogAsync("not registered again");

        Assert.Single(bot.Emulator.CommandRegistrations);
    }

    [Fact]
    public async Task Commands_register_in_one_server_when_a_command_guild_is_set()
    {
        await using var bot = await DiscordBot.StartAsync(o => o with { GuildIds = [GuildId] }, $"--ChatCoach:Discord:CommandGuildId={GuildId}");
        await bot.Emulator.WaitForRequestAsync(r => r.Method == "PUT" && r.Path.Contains($"/guilds/{GuildId}/commands", StringComparison.Ordinal), Wait);

        Assert.Equal(GuildId, Assert.Single(bot.Emulator.CommandRegistrations).GuildId);
    }

    [Fact]
    public async Task A_slow_answer_is_deferred_then_filled_in()
    {
        await using var bot = await DiscordBot.StartAsync(settings: "--ChatCoach:Discord:DeferAfterMilliseconds=0");
        var user = await MidConversationAsync(bot, "500000000000000006", steps: 1);

        var plan = await RunAsync(bot, user.Id, "plan");

        var interaction = bot.Emulator.Interaction(plan.InteractionId!)!;
        Assert.Equal(5, interaction.CallbackType);
        Assert.Contains("Here is your plan", plan.Content);
        // A long plan is split; its last part, with what is still to answer, comes as a follow-up of the same interaction.
        await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == plan.InteractionId && m.Content.Contains("Still to answer", StringComparison.Ordinal), Wait);
        Assert.Empty(bot.Emulator.Violations);
    }

    [Fact]
    public async Task A_quick_answer_is_sent_at_once()
    {
        await using var bot = await DiscordBot.StartAsync(settings: "--ChatCoach:Discord:DeferAfterMilliseconds=2500");
        var user = await MidConversationAsync(bot, "500000000000000007", steps: 1);

        var help = await RunAsync(bot, user.Id, "help");

        Assert.Equal(4, bot.Emulator.Interaction(help.InteractionId!)!.CallbackType);
    }

    [Fact]
    public async Task Forget_erases_every_row_naming_the_user_after_the_confirmation_button()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = await MidConversationAsync(bot, "500000000000000008", steps: 6);
        var forget = await RunAsync(bot, user.Id, "forget");

        await bot.Emulator.ClickButtonAsync(user.Id, forget.Id, "k|forget|y");
        var done = await bot.Emulator.WaitForMessageAsync(m => m.RecipientUserId == user.Id && m.Content.StartsWith("Done. I erased", StringComparison.Ordinal), Wait);

        Assert.Contains("your 6 answers", done.Content);
        var bytes = Encoding.UTF8.GetString(Shared.TempDatabase.BytesOnDisk(bot.Database));
        Assert.DoesNotContain(user.Id, bytes);
        Assert.Contains("Entered", bytes); // the anonymous funnel counts stay
    }

    [Theory]
    [InlineData(2500)]
    [InlineData(0)]
    public async Task Export_sends_the_answers_and_plan_as_multipart_files(int deferAfter)
    {
        await using var bot = await DiscordBot.StartAsync(settings: $"--ChatCoach:Discord:DeferAfterMilliseconds={deferAfter}");
        var user = await MidConversationAsync(bot, "500000000000000009", steps: CoachingConversation.Steps.Length);

        var export = await RunAsync(bot, user.Id, "export");

        var request = bot.Emulator.Requests.Single(r => r.Files.Count > 0); // the callback, or the deferred reply's edit
        Assert.Equal(2, request.Files.Count);
        Assert.StartsWith("multipart/form-data", request.Headers["Content-Type"], StringComparison.OrdinalIgnoreCase);
        var markdown = Encoding.UTF8.GetString(export.Files.Single(f => f.FileName == "chatcoach-export.md").Content.Span);
        Assert.Contains("Year of graduation: 2018", markdown);
        Assert.Contains("Step 2 CK", markdown);
        var json = System.Text.Json.JsonDocument.Parse(export.Files.Single(f => f.FileName == "chatcoach-export.json").Content).RootElement;
        Assert.Contains(json.GetProperty("answers").EnumerateArray(), a => a.GetProperty("name").GetString() == "graduation_year" && a.GetProperty("value").GetInt32() == 2018);
        Assert.True(json.GetProperty("plan").GetArrayLength() > 3);
    }

    [Fact]
    public async Task Moderator_commands_allow_manage_server_and_moderator_roles_and_refuse_everyone_else()
    {
        const string role = "800000000000000001";
        await using var bot = await DiscordBot.StartAsync(o => o with { GuildIds = [GuildId] }, $"--ChatCoach:Discord:ModeratorRoleIds:0={role}", $"--ChatCoach:Discord:HomeGuildId={GuildId}");
        var status = new[] { CommandOptionValue.Sub("status") };

        var admin = await RunAsync(bot, "600000000000000001", "dialogs", new GuildInvocation(GuildId, Permissions: GuildInvocation.AdministratorPermissions), status);
        var withRole = await RunAsync(bot, "600000000000000002", "dialogs", new GuildInvocation(GuildId, RoleIds: [role], CommandPermissionOverride: true), status);
        var member = await RunAsync(bot, "600000000000000003", "dialogs", new GuildInvocation(GuildId, CommandPermissionOverride: true), status);

        Assert.Contains("coach at", admin.Content);
        Assert.Contains("coach at", withRole.Content);
        Assert.Contains("Only the operator's moderators", member.Content);
        Assert.All([admin, withRole, member], m => Assert.True(m.IsEphemeral));
    }

    [Fact]
    public async Task Moderators_reload_see_history_download_and_roll_back()
    {
        using var folder = new Shared.TempFolder("chatcoach-moderated-");
        var dialogs = folder.CopyDialogs();

        await using var bot = await DiscordBot.StartAsync(o => o with { GuildIds = [GuildId] }, $"--ChatCoach:Dialogs:Path={dialogs}", $"--ChatCoach:Discord:HomeGuildId={GuildId}");
        var moderator = new GuildInvocation(GuildId, Permissions: GuildInvocation.AdministratorPermissions);
        var sample = Path.Combine(dialogs, "sample.yaml");
        var original = await File.ReadAllTextAsync(sample);
        var startup = (await RunAsync(bot, "600000000000000004", "dialogs", moderator, CommandOptionValue.Sub("history"))).Content;
        var firstVersion = startup.Split('\n').Single(l => l.Contains(" sample: ", StringComparison.Ordinal)).Split(" → ")[1][..12];

        await File.WriteAllTextAsync(sample, original.Replace("Have you done any research?", "Any research so far?", StringComparison.Ordinal));
        var reload = await RunAsync(bot, "600000000000000004", "dialogs", moderator, CommandOptionValue.Sub("reload"));
        var download = await RunAsync(bot, "600000000000000004", "dialogs", moderator, CommandOptionValue.Sub("download", new CommandOptionValue("id", "sample")));
        var rollback = await RunAsync(bot, "600000000000000004", "dialogs", moderator, CommandOptionValue.Sub("rollback", new CommandOptionValue("version", firstVersion[..7])));
        var history = await RunAsync(bot, "600000000000000004", "dialogs", moderator, CommandOptionValue.Sub("history"));

        Assert.Contains("Any research so far?", Encoding.UTF8.GetString(download.Files.Single().Content.Span));
        Assert.True(reload.Content.Contains("sample: live at", StringComparison.Ordinal) || history.Content.Contains("by file change", StringComparison.Ordinal), reload.Content);
        Assert.Contains($"sample: live at {firstVersion}", rollback.Content);
        Assert.Equal(original, await File.ReadAllTextAsync(sample));
        Assert.Contains("by moderator 600000000000000004", history.Content);
    }
}
