using ChatCoach.Discord.Emulator;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;
using ChatCoach.Discord.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatCoach.Discord.Tests.Rest;

/// <summary>401, 403 and 429 answers counted over a sliding 10 minutes: a warning, then a pause of every send but interaction responses.</summary>
public sealed class InvalidRequestBudgetTests
{
    private const string User = "53908232506183682";

    [Fact]
    public async Task Past_the_pause_threshold_sends_wait_for_the_window_to_slide_but_interaction_responses_do_not()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { RequireRegisteredCommands = false });
        var options = TestOptions.Create(emulator.ApiBaseUrl);
        options.Token = emulator.Options.Token;
        options.InvalidRequestWarn = 2;
        options.InvalidRequestPause = 3;
        using var http = new HttpClient();
        var log = new ListLogger<DiscordRestClient>();
        using var rest = new DiscordRestClient(http, options, time, log);
        var channel = emulator.DmChannelId(User);

        emulator.FailNext($"POST /channels/{channel}/messages", 403, count: 3);
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DiscordApiException>(() => rest.CreateMessageAsync(channel, new OutgoingMessage("refused")));
        }

        Assert.Equal(3, rest.InvalidRequests);
        Assert.Equal(3, emulator.InvalidRequestCount);
        Assert.Contains(log.Lines, m => m.Contains("invalid Discord requests", StringComparison.Ordinal));

        var paused = rest.CreateMessageAsync(channel, new OutgoingMessage("after the pause"));
        var interaction = emulator.Interaction(await emulator.SlashCommandAsync(User, "help"))!;
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Reply(new OutgoingMessage("answered at once")));
        await Task.Delay(300);
        Assert.False(paused.IsCompleted);
        Assert.DoesNotContain(emulator.MessagesToUser(User), m => m.Content == "after the pause");

        time.Advance(TimeSpan.FromMinutes(10));
        await paused.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, rest.InvalidRequests);
        Assert.Equal(["answered at once", "after the pause"], emulator.MessagesToUser(User).Select(m => m.Content));
    }
}
