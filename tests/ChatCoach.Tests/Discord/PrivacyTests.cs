using System.Text;
using ChatCoach.Discord.Emulator;

namespace ChatCoach.Tests.Discord;

/// <summary>
/// Only the operator's moderators change scripts, and private answers stay private: a stranger who owns another
/// server cannot run /dialogs, uploads come only from Discord's attachment hosts and within 1 MiB, and in a group DM
/// (context 2) everything goes through the interaction, ephemeral.
/// </summary>
public sealed class PrivacyTests
{
    private const string Home = "700000000000000031";
    private const string StrangersServer = "700000000000000032";
    private const string Stranger = "600000000000000031";
    private const string Moderator = "600000000000000032";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly GuildInvocation AsModerator = new(Home, Permissions: GuildInvocation.AdministratorPermissions);

    private static async Task<EmulatedMessage> RunAsync(DiscordBot bot, string user, string name, GuildInvocation? guild, params CommandOptionValue[] options)
    {
        var id = await bot.Emulator.SlashCommandAsync(user, name, options, guild);
        return await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == id && m.Origin == MessageOrigin.InteractionResponse && !m.IsLoading, Wait);
    }

    private static string[] Names(IEnumerable<System.Text.Json.JsonElement> commands) => [.. commands.Select(c => c.GetProperty("name").GetString()!)];

    [Fact]
    public async Task A_stranger_who_owns_another_server_cannot_run_dialogs_and_the_attempt_is_audited()
    {
        // The stranger's client could still send /dialogs (an old global registration, a forged request): the bot decides.
        await using var bot = await DiscordBot.StartAsync(o => o with { GuildIds = [Home, StrangersServer], RequireRegisteredCommands = false },
            $"--ChatCoach:Discord:HomeGuildId={Home}");
        await bot.Emulator.WaitForRequestAsync(r => r.Method == "PUT" && r.Path.Contains($"/guilds/{Home}/commands", StringComparison.Ordinal), Wait);

        Assert.DoesNotContain("dialogs", Names(bot.Emulator.RegisteredCommands()));
        Assert.Empty(bot.Emulator.RegisteredCommands(StrangersServer));
        Assert.Equal(["dialogs"], Names(bot.Emulator.RegisteredCommands(Home)));

        var owner = new GuildInvocation(StrangersServer, Permissions: GuildInvocation.AdministratorPermissions);
        var refused = await RunAsync(bot, Stranger, "dialogs", owner, CommandOptionValue.Sub("reload"));
        var member = await RunAsync(bot, Stranger, "dialogs", new GuildInvocation(Home, CommandPermissionOverride: true), CommandOptionValue.Sub("reload"));
        var history = await RunAsync(bot, Moderator, "dialogs", AsModerator, CommandOptionValue.Sub("history"));

        Assert.All([refused, member], m =>
        {
            Assert.Contains("Only the operator's moderators", m.Content);
            Assert.True(m.IsEphemeral);
        });
        Assert.Contains($"refused: user {Stranger} in server {StrangersServer}", history.Content);
        Assert.Contains($"refused: user {Stranger} in server {Home}", history.Content);
        Assert.DoesNotContain($"by moderator {Stranger}", history.Content);
        Assert.True(history.IsEphemeral);
    }

    [Fact]
    public async Task Moving_the_home_server_takes_dialogs_out_of_the_old_one_and_no_home_means_no_dialogs()
    {
        const string next = "700000000000000033";
        await using var bot = await DiscordBot.StartAsync(o => o with { GuildIds = [Home, next] }, $"--ChatCoach:Discord:HomeGuildId={Home}");
        await bot.Emulator.WaitForRequestAsync(r => r.Method == "PUT" && r.Path.Contains($"/guilds/{Home}/commands", StringComparison.Ordinal), Wait);

        bot.Host.Kill();
        await bot.StartHostAsync($"--ChatCoach:Discord:HomeGuildId={next}");
        await bot.Emulator.WaitForRequestAsync(r => r.Method == "PUT" && r.Path.Contains($"/guilds/{next}/commands", StringComparison.Ordinal), Wait);
        await bot.Emulator.WaitForRequestAsync(r => r.Method == "PUT" && r.Path.Contains($"/guilds/{Home}/commands", StringComparison.Ordinal)
            && r.Body == "[]", Wait);

        Assert.Empty(bot.Emulator.RegisteredCommands(Home));
        Assert.Equal(["dialogs"], Names(bot.Emulator.RegisteredCommands(next)));
        Assert.DoesNotContain("dialogs", Names(bot.Emulator.RegisteredCommands()));
    }

    [Fact]
    public async Task One_registration_carries_every_command_when_the_home_server_is_the_command_server()
    {
        await using var bot = await DiscordBot.StartAsync(o => o with { GuildIds = [Home] },
            $"--ChatCoach:Discord:HomeGuildId={Home}", $"--ChatCoach:Discord:CommandGuildId={Home}");
        await bot.Emulator.WaitForRequestAsync(r => r.Method == "PUT" && r.Path.Contains($"/guilds/{Home}/commands", StringComparison.Ordinal), Wait);

        var registration = Assert.Single(bot.Emulator.CommandRegistrations);
        Assert.Equal(Home, registration.GuildId);
        Assert.Equal(["plan", "start", "help", "back", "forget", "export", "dialogs"], Names(bot.Emulator.RegisteredCommands(Home)));
    }

    [Fact]
    public async Task An_upload_from_a_foreign_host_or_over_1_MiB_is_refused_with_its_reason_and_a_good_one_goes_live()
    {
        using var folder = new Shared.TempFolder("chatcoach-uploads-");
        var dialogs = folder.CopyDialogs();
        var sample = await File.ReadAllTextAsync(Path.Combine(dialogs, "sample.yaml"));
        await using var bot = await DiscordBot.StartAsync(o => o with { GuildIds = [Home] },
            $"--ChatCoach:Discord:HomeGuildId={Home}", $"--ChatCoach:Dialogs:Path={dialogs}");
        var changed = Encoding.UTF8.GetBytes(sample.Replace("Have you done any research?", "Uploaded: any research?", StringComparison.Ordinal));

        Task<EmulatedMessage> UploadAsync(EmulatedAttachment file) =>
            RunAsync(bot, Moderator, "dialogs", AsModerator, CommandOptionValue.Sub("upload", new CommandOptionValue("file", file)));

        var foreign = await UploadAsync(new EmulatedAttachment("sample.yaml", changed) { Url = new Uri($"http://localhost:{bot.Emulator.BaseUrl.Port}/attachments/1/sample.yaml") });
        var declaredTooBig = await UploadAsync(new EmulatedAttachment("sample.yaml", changed) { DeclaredSize = 2 * 1024 * 1024 });
        var streamedTooBig = await UploadAsync(new EmulatedAttachment("sample.yaml", new byte[(1024 * 1024) + 10]) { DeclaredSize = 100 });
        Assert.Equal(sample, await File.ReadAllTextAsync(Path.Combine(dialogs, "sample.yaml")));
        var good = await UploadAsync(new EmulatedAttachment("sample.yaml", changed));

        Assert.Contains("must come from Discord's attachment servers", foreign.Content);
        Assert.Contains("not localhost", foreign.Content);
        Assert.Contains("2,097,152 bytes", declaredTooBig.Content);
        Assert.Contains("larger than 1,048,576 bytes", streamedTooBig.Content);
        Assert.Contains("sample: live at", good.Content);
        Assert.Contains("Uploaded: any research?", await File.ReadAllTextAsync(Path.Combine(dialogs, "sample.yaml")));
        Assert.All([foreign, declaredTooBig, streamedTooBig, good], m => Assert.True(m.IsEphemeral));
    }

    [Fact]
    public async Task In_a_group_dm_every_answer_is_ephemeral_through_the_interaction_and_nothing_is_posted_in_the_channel()
    {
        await using var bot = await DiscordBot.StartAsync();
        var user = new CoachUser(bot.Emulator, "500000000000000031");
        await user.SayAsync("hi");
        await CoachingConversation.PlayAsync(user, until: 4);
        var group = bot.Emulator.GroupDmChannelId(user.Id);

        var answers = new List<EmulatedMessage>();
        foreach (var name in new[] { "help", "plan", "export", "back" })
        {
            var id = await bot.Emulator.SlashCommandInGroupDmAsync(user.Id, name);
            answers.Add(await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == id && m.Origin == MessageOrigin.InteractionResponse && !m.IsLoading, Wait));
        }

        // /back reopened a question with buttons, in the ephemeral answer; clicking one answers it privately too.
        var reopened = answers[^1];
        var button = reopened.CustomIds().First(c => c.StartsWith("q|", StringComparison.Ordinal));
        var clickId = await bot.Emulator.ClickButtonAsync(user.Id, reopened.Id, button);
        var next = await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == clickId && m.Origin == MessageOrigin.FollowUp, Wait);
        var start = await bot.Emulator.SlashCommandInGroupDmAsync(user.Id, "start");
        var opened = await bot.Emulator.WaitForMessageAsync(m => m.InteractionId == start && m.Origin == MessageOrigin.InteractionResponse && !m.IsLoading, Wait);

        Assert.All([.. answers, next, opened], m => Assert.True(m.IsEphemeral, m.Content));
        Assert.Contains("direct message", opened.Content);
        Assert.All(bot.Emulator.BotMessages().Where(m => m.ChannelId == group), m => Assert.True(m.IsEphemeral, m.Content));
        Assert.DoesNotContain(bot.Emulator.Requests, r => r.Path.Contains($"/channels/{group}/", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Emulator.Requests, r => r.Status is 401 or 403);
        Assert.Equal(0, bot.Emulator.InvalidRequestCount);
        Assert.Empty(bot.Emulator.Violations);
    }
}
