using System.Net;
using ChatCoach.Discord.Emulator;
using ChatCoach.Discord.Gateway;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;
using ChatCoach.Discord.Tests.Support;

namespace ChatCoach.Discord.Tests.EndToEnd;

// The clients against the shared emulator: real Kestrel HTTP + WebSocket on 127.0.0.1 that validates bodies
// against the OpenAPI spec, enforces rate limits and records every rule the client breaks (Violations).
public sealed class EmulatorEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Identify_ready_receive_a_dm_and_reply()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.StartBotAsync();

        var reply = await h.RoundTripAsync("hello coach");

        Assert.Equal(MessageOrigin.ChannelMessage, reply.Origin);
        var ready = await h.WaitForEventAsync<ReadyEvent>();
        Assert.Equal(h.Emulator.Options.ApplicationId, ready.ApplicationId);
        var identify = h.Emulator.ReceivedFrames.Single(f => f.Op == 2).Data();
        Assert.Equal(4097, identify.GetProperty("intents").GetInt32());
        Assert.Equal("[0,1]", identify.GetProperty("shard").GetRawText());
        var dm = Assert.Single(h.Events.OfType<MessageCreateEvent>(), e => e.Message.Content == "hello coach");
        Assert.True(dm.IsDirectMessage);
        Assert.True(dm.IsFromUser);
        var echo = await h.WaitForEventAsync<MessageCreateEvent>(e => e.Message.Content == "echo: hello coach");
        Assert.False(echo.IsFromUser); // the bot's own message comes back and must not be answered
        Assert.Empty(h.Emulator.Violations);
        Assert.All(h.Emulator.Requests, r => Assert.True(r.AuthorizationValid));
        Assert.Equal("?v=10&encoding=json", h.Emulator.Connections[0].Query);
    }

    [Fact]
    public async Task Dropped_socket_resumes_and_missed_events_are_replayed_once_each()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.StartBotAsync();
        await h.RoundTripAsync("one");

        await h.Emulator.DropConnectionsAsync();
        await h.Emulator.SendDirectMessageAsync(EmulatorHarness.User, "two");
        await h.Emulator.SendDirectMessageAsync(EmulatorHarness.User, "three");
        await h.WaitForEchoAsync("two");
        await h.WaitForEchoAsync("three");
        await h.RoundTripAsync("four");

        Assert.Equal(["one", "two", "three", "four"], h.DmContents);
        Assert.Contains(h.Emulator.Connections, c => c.Resumed && c.Path == "/resume");
        Assert.Single(h.Emulator.ReceivedFrames, f => f.Op == 2);
        Assert.Single(h.Events.OfType<ReadyEvent>());
        Assert.NotEmpty(h.Events.OfType<ResumedEvent>());
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task Reconnect_request_resumes_on_the_resume_url()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.StartBotAsync();
        await h.RoundTripAsync("before");

        await h.Emulator.SendReconnectAsync();
        await h.WaitForEventAsync<ResumedEvent>();
        await h.RoundTripAsync("after");

        var first = h.Emulator.Connections[0];
        Assert.NotEqual(1000, first.CloseCode);
        Assert.True(h.Emulator.Connections[1].Resumed);
        Assert.Equal(["before", "after"], h.DmContents);
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task Resumable_invalid_session_resumes()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.StartBotAsync();
        await h.RoundTripAsync("before");

        await h.Emulator.SendInvalidSessionAsync(resumable: true);
        await h.WaitForEventAsync<ResumedEvent>();
        await h.RoundTripAsync("after");

        Assert.Single(h.Emulator.ReceivedFrames, f => f.Op == 2);
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task Non_resumable_invalid_session_starts_a_new_session()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.StartBotAsync();
        await h.RoundTripAsync("before");

        await h.Emulator.SendInvalidSessionAsync(resumable: false);
        await h.WaitForEventAsync<ReadyEvent>(r => r.SessionId != h.Events.OfType<ReadyEvent>().First().SessionId);
        await h.RoundTripAsync("after");

        Assert.Equal(2, h.Emulator.ReceivedFrames.Count(f => f.Op == 2));
        Assert.DoesNotContain(h.Emulator.ReceivedFrames, f => f.Op == 6);
        Assert.Equal(["before", "after"], h.DmContents);
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task Stopped_heartbeat_acks_are_detected_as_a_zombie_and_the_session_resumed()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o with { HeartbeatInterval = TimeSpan.FromMilliseconds(300) });
        await h.StartBotAsync();
        await h.RoundTripAsync("before");

        h.Emulator.StopHeartbeatAcks(true);
        await WaitUntilAsync(() => h.Emulator.Connections[0].End != ConnectionEnd.Open);
        h.Emulator.StopHeartbeatAcks(false);
        await h.WaitForEventAsync<ResumedEvent>();
        await h.RoundTripAsync("after");

        var zombie = h.Emulator.Connections[0];
        Assert.Equal(ConnectionEnd.ClosedByClient, zombie.End);
        Assert.NotEqual(1000, zombie.CloseCode);
        Assert.NotEqual(1001, zombie.CloseCode);
        Assert.Contains(h.Emulator.Connections, c => c.Resumed);
        Assert.DoesNotContain(h.Emulator.Violations, v => v.Kind == ViolationKind.HeartbeatTimeout);
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task Server_heartbeat_request_is_answered_at_once()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o with { HeartbeatInterval = TimeSpan.FromSeconds(30) }, jitter: 0.99);
        await h.StartBotAsync();
        var before = h.Emulator.ReceivedFrames.Count(f => f.Op == 1);

        var asked = TimeProvider.System.GetUtcNow();
        await h.Emulator.RequestHeartbeatAsync();
        var beat = await h.Emulator.WaitForFrameAsync(f => f.Direction == FrameDirection.FromClient && f.Op == 1, Wait);

        Assert.Equal(0, before);
        Assert.True(beat.Time - asked < TimeSpan.FromSeconds(5));
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task Close_4004_surfaces_a_fatal_error()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.StartBotAsync();

        await h.Emulator.CloseConnectionsAsync(4004);

        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => h.Run.WaitAsync(Wait));
        Assert.Equal(4004, error.CloseCode);
        Assert.Contains("token", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(h.Emulator.Connections);
    }

    [Fact]
    public async Task A_wrong_token_is_fatal_before_any_gateway_connection()
    {
        await using var h = await EmulatorHarness.StartAsync(client: o => o.Token = "not-the-token");
        await h.StartBotAsync(waitForReady: false);

        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => h.Run.WaitAsync(Wait));
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(h.Emulator.Connections);
    }

    [Fact]
    public async Task Recoverable_close_code_resumes()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.StartBotAsync();
        await h.RoundTripAsync("before");

        await h.Emulator.CloseConnectionsAsync(4000);
        await h.WaitForEventAsync<ResumedEvent>();
        await h.RoundTripAsync("after");
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task A_429_is_waited_out_and_no_request_goes_out_before_the_reset()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var channel = h.Emulator.DmChannelId(EmulatorHarness.User);
        h.Emulator.RateLimitNext($"POST /channels/{channel}/messages", TimeSpan.FromMilliseconds(800));

        await h.Rest.CreateMessageAsync(channel, new OutgoingMessage("rate limited once"));

        var posts = h.Emulator.Requests.Where(r => r.Method == "POST" && r.Route == "/channels/{channel_id}/messages").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal((429, RateLimitOutcome.Injected), (posts[0].Status, posts[0].RateLimit));
        Assert.True(posts[1].Time - posts[0].Time >= TimeSpan.FromMilliseconds(800), $"retried after {posts[1].Time - posts[0].Time}");
        Assert.Empty(h.Emulator.Violations);
        Assert.Single(h.Emulator.MessagesToUser(EmulatorHarness.User));
    }

    [Fact]
    public async Task A_global_429_holds_back_other_routes()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var channel = h.Emulator.DmChannelId(EmulatorHarness.User);
        h.Emulator.RateLimitNext("POST /channels", TimeSpan.FromMilliseconds(800), global: true);

        var post = h.Rest.CreateMessageAsync(channel, new OutgoingMessage("x"));
        await h.Emulator.WaitForRequestAsync(r => r.Status == 429, Wait);
        await Task.Delay(200); // let the client read the 429 before the next request starts
        var dmRequested = TimeProvider.System.GetUtcNow();
        await h.Rest.CreateDmChannelAsync("1234567890");
        await post;

        var limited = h.Emulator.Requests.First(r => r.Status == 429);
        var dm = h.Emulator.Requests.Single(r => r.Route == "/users/@me/channels");
        Assert.True(dm.Time - limited.Time >= TimeSpan.FromMilliseconds(800), $"DM channel requested {dm.Time - limited.Time} after the global 429");
        Assert.True(dm.Time - dmRequested >= TimeSpan.FromMilliseconds(400));
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task Bucket_limits_from_real_headers_are_respected()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var channel = h.Emulator.DmChannelId(EmulatorHarness.User);

        // The emulator allows 5 per second on this route: 12 messages must be paced, not rejected.
        for (var i = 0; i < 12; i++)
        {
            await h.Rest.CreateMessageAsync(channel, new OutgoingMessage($"message {i}"));
        }

        Assert.Equal(12, h.Emulator.MessagesToUser(EmulatorHarness.User).Count);
        Assert.DoesNotContain(h.Emulator.Requests, r => r.Status == 429);
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var channel = h.Emulator.DmChannelId(EmulatorHarness.User);
        h.Emulator.FailNext("POST /channels", 500, count: 2);

        await h.Rest.CreateMessageAsync(channel, new OutgoingMessage("third time lucky"));

        Assert.Equal([500, 500, 200], h.Emulator.Requests.Where(r => r.Method == "POST").Select(r => r.Status));
        Assert.Single(h.Emulator.MessagesToUser(EmulatorHarness.User));
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task Cannot_message_user_50007_is_not_retried()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var channel = (await h.Rest.CreateDmChannelAsync(EmulatorHarness.User)).Id;
        h.Emulator.SetDirectMessagesBlocked(EmulatorHarness.User, true);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Rest.CreateMessageAsync(channel, new OutgoingMessage("hi")));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(DiscordApiException.CannotSendMessagesToThisUser, error.Code);
        Assert.Single(h.Emulator.Requests, r => r.Method == "POST" && r.Route == "/channels/{channel_id}/messages");
        Assert.DoesNotContain(h.Options.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Button_click_is_deferred_then_answered_by_editing_the_original()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.OnEvent = async e =>
        {
            if (e is InteractionCreateEvent { Interaction: var i })
            {
                await h.Rest.CreateInteractionResponseAsync(i.Id, i.Token, InteractionResponse.Defer(ephemeral: true));
                await h.Rest.EditOriginalInteractionResponseAsync(i.ApplicationId, i.Token, new OutgoingMessage("You chose " + i.Data!.CustomId));
                await h.Rest.CreateFollowupMessageAsync(i.ApplicationId, i.Token, new OutgoingMessage("Anything else?") { Flags = MessageFlags.Ephemeral });
            }
        };
        await h.StartBotAsync();
        var channel = (await h.Rest.CreateDmChannelAsync(EmulatorHarness.User)).Id;
        var question = await h.Rest.CreateMessageAsync(channel, new OutgoingMessage("How do you feel?")
        {
            Components = [new ActionRow(new Button("mood:good", "Good", ButtonStyle.Success), new Button("mood:bad", "Not great", ButtonStyle.Danger))],
        });

        var interactionId = await h.Emulator.ClickButtonAsync(EmulatorHarness.User, question.Id, "mood:good");
        await h.Emulator.WaitForMessageAsync(m => m.InteractionId == interactionId && m.Content == "You chose mood:good", Wait);
        await h.Emulator.WaitForMessageAsync(m => m.Origin == MessageOrigin.FollowUp && m.Content == "Anything else?", Wait);

        Assert.Equal(5, h.Emulator.Interaction(interactionId)!.CallbackType);
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task Slash_commands_are_registered_and_answered()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.OnEvent = async e =>
        {
            if (e is InteractionCreateEvent { Interaction: { Type: InteractionType.ApplicationCommand } i })
            {
                var topic = i.Data!.Options!.Single(o => o.Name == "topic").Value!.Value.GetString();
                await h.Rest.CreateInteractionResponseAsync(i.Id, i.Token, InteractionResponse.Reply(new OutgoingMessage($"Let's practise {topic}") { Flags = MessageFlags.Ephemeral }));
            }
        };
        await h.StartBotAsync();
        var ready = await h.WaitForEventAsync<ReadyEvent>();
        var application = await h.Rest.GetCurrentApplicationAsync();
        Assert.Equal(ready.ApplicationId, application.Id);

        var registered = await h.Rest.BulkOverwriteGlobalCommandsAsync(application.Id, Commands.ChatCoach);
        Assert.Equal(["coach", "coach-admin"], registered.Select(c => c.Name));
        var interactionId = await h.Emulator.SlashCommandAsync(EmulatorHarness.User, "coach", [new CommandOptionValue("topic", "small talk")]);

        await h.Emulator.WaitForMessageAsync(m => m.InteractionId == interactionId && m.Content == "Let's practise small talk", Wait);
        Assert.True(h.Events.OfType<InteractionCreateEvent>().Single().Interaction.IsDirectMessage);
        Assert.Empty(h.Emulator.Violations);
    }

    [Fact]
    public async Task A_late_interaction_callback_fails_with_10062()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o with { InteractionResponseDeadline = TimeSpan.FromMilliseconds(200) });
        var failure = new TaskCompletionSource<DiscordApiException>(TaskCreationOptions.RunContinuationsAsynchronously);
        h.OnEvent = async e =>
        {
            if (e is InteractionCreateEvent { Interaction: var i })
            {
                await Task.Delay(600);
                try
                {
                    await h.Rest.CreateInteractionResponseAsync(i.Id, i.Token, InteractionResponse.Reply(new OutgoingMessage("too late")));
                }
                catch (DiscordApiException ex)
                {
                    failure.SetResult(ex);
                }
            }
        };
        await h.StartBotAsync();
        var channel = (await h.Rest.CreateDmChannelAsync(EmulatorHarness.User)).Id;
        var question = await h.Rest.CreateMessageAsync(channel, new OutgoingMessage("Click") { Components = [new ActionRow(new Button("late", "Late"))] });

        await h.Emulator.ClickButtonAsync(EmulatorHarness.User, question.Id, "late");

        var error = await failure.Task.WaitAsync(Wait);
        Assert.Equal(DiscordApiException.UnknownInteraction, error.Code);
        Assert.DoesNotContain(h.Emulator.Interactions.Single().Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachments_upload_as_multipart()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var channel = h.Emulator.DmChannelId(EmulatorHarness.User);

        await h.Rest.CreateMessageAsync(channel, new OutgoingMessage("Your plan") { Files = [new DiscordFile("plan.md", "# Plan\n1. Walk"u8.ToArray()) { ContentType = "text/markdown" }] });

        var message = Assert.Single(h.Emulator.MessagesToUser(EmulatorHarness.User));
        Assert.Equal("plan.md", Assert.Single(message.Files).FileName);
        Assert.Empty(h.Emulator.Violations);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = TimeSpan.Zero; waited < Wait && !condition(); waited += TimeSpan.FromMilliseconds(20))
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
