using System.Net.WebSockets;
using System.Text.Json;
using ChatCoach.Discord.Gateway;
using ChatCoach.Discord.Tests.Support;
using Moq;

namespace ChatCoach.Discord.Tests.Gateway;

// The gateway client against a scripted WebSocket peer on 127.0.0.1. Intervals are short and bounds generous:
// these must not flake on a busy 2-core machine.
public sealed class GatewayClientTests
{
    [Fact]
    public async Task Identifies_with_token_intents_and_shard_then_publishes_ready_and_messages_in_order()
    {
        await using var h = new GatewayHarness(o => { o.ShardId = 0; o.ShardCount = 2; });
        h.Start();
        var connection = await h.Server.NextConnectionAsync();
        Assert.Equal("/?v=10&encoding=json", connection.RequestTarget);
        await connection.SendHelloAsync(60_000);

        var identify = (await connection.ReceiveOpAsync(2)).GetProperty("d");
        Assert.Equal(TestOptions.Token, identify.GetProperty("token").GetString());
        Assert.Equal(4097, identify.GetProperty("intents").GetInt32());
        Assert.Equal("[0,2]", identify.GetProperty("shard").GetRawText());

        await connection.SendReadyAsync(1, h.Server.Url);
        await connection.SendDmAsync(2, "500", "first");
        await connection.SendDmAsync(3, "501", "second");

        var ready = await h.NextEventAsync<ReadyEvent>();
        Assert.Equal("234248956100616262", ready.ApplicationId);
        Assert.Equal("1090372582781497424", ready.User.Id);
        var first = await h.NextEventAsync<MessageCreateEvent>();
        var second = await h.NextEventAsync<MessageCreateEvent>();
        Assert.Equal(("first", 2L), (first.Message.Content, first.Sequence!.Value));
        Assert.Equal("second", second.Message.Content);
        Assert.True(first.IsDirectMessage);
        Assert.True(first.IsFromUser);
    }

    [Fact]
    public async Task Reassembles_fragmented_and_large_messages()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync();

        var big = new string('x', 1_500_000);
        var frame = $$$"""{"op":0,"s":2,"t":"MESSAGE_CREATE","d":{"id":"9","channel_id":"290926798999357250","channel_type":1,"author":{"id":"5","username":"u"},"content":"{{{big}}}","type":0}}""";
        await connection.SendFragmentedAsync(frame, chunk: 7_000);
        await connection.SendFragmentedAsync("""{"op":0,"s":3,"t":"MESSAGE_CREATE","d":{"id":"10","channel_id":"1","channel_type":1,"author":{"id":"5","username":"u"},"content":"é small","type":0}}""", chunk: 3);

        Assert.Equal(big.Length, (await h.NextEventAsync<MessageCreateEvent>()).Message.Content.Length);
        Assert.Equal("é small", (await h.NextEventAsync<MessageCreateEvent>()).Message.Content);
    }

    [Fact]
    public async Task Own_and_bot_messages_are_marked_not_from_user()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync();
        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, """{"id":"1","channel_id":"2","channel_type":1,"author":{"id":"1090372582781497424","username":"chatcoach","bot":true},"content":"mine","type":0}""");
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3, """{"id":"2","channel_id":"2","channel_type":1,"author":{"id":"77","username":"otherbot","bot":true},"content":"bot","type":0}""");
        await connection.SendDispatchAsync("MESSAGE_CREATE", 4, """{"id":"3","channel_id":"3","guild_id":"4","channel_type":0,"author":{"id":"78","username":"human"},"content":"guild","type":0}""");
        Assert.False((await h.NextEventAsync<MessageCreateEvent>()).IsFromUser);
        Assert.False((await h.NextEventAsync<MessageCreateEvent>()).IsFromUser);
        var guild = await h.NextEventAsync<MessageCreateEvent>();
        Assert.True(guild.IsFromUser);
        Assert.False(guild.IsDirectMessage);
    }

    [Fact]
    public async Task First_heartbeat_is_jittered_then_regular_and_carries_the_last_sequence()
    {
        // jitter 0.5 × 600 ms: the first beat is due ~300 ms after Hello, the next ~600 ms later.
        await using var h = new GatewayHarness(jitter: 0.5);
        h.Start();
        var connection = await h.Server.NextConnectionAsync();
        var helloAt = connection.Clock.Elapsed;
        await connection.SendHelloAsync(600);
        await connection.ReceiveOpAsync(2, ackHeartbeats: false);

        var beat1 = await connection.ReceiveOpAsync(1, ackHeartbeats: false);
        var beat1At = connection.Clock.Elapsed - helloAt;
        Assert.Equal(JsonValueKind.Null, beat1.GetProperty("d").ValueKind);
        Assert.InRange(beat1At.TotalMilliseconds, 250, 3000);
        await connection.SendAsync("""{"op":11}""");

        await connection.SendReadyAsync(7, h.Server.Url);
        var beat2 = await connection.ReceiveOpAsync(1, ackHeartbeats: false);
        var gap = connection.Clock.Elapsed - helloAt - beat1At;
        Assert.Equal(7, beat2.GetProperty("d").GetInt64());
        Assert.InRange(gap.TotalMilliseconds, 400, 3000);
        h.Random.Verify(r => r.NextDouble(), Times.AtLeastOnce());
    }

    [Fact]
    public async Task Server_heartbeat_request_is_answered_at_once()
    {
        await using var h = new GatewayHarness(jitter: 0.99);
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync(heartbeatMs: 60_000);
        var asked = connection.Clock.Elapsed;
        await connection.SendAsync("""{"op":1,"d":null}""");
        var beat = await connection.ReceiveOpAsync(1, ackHeartbeats: false, timeout: TimeSpan.FromSeconds(5));
        Assert.Equal(1, beat.GetProperty("d").GetInt64());
        Assert.True(connection.Clock.Elapsed - asked < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Missing_ack_is_a_zombie_closed_with_a_non_1000_code_then_resumed()
    {
        await using var h = new GatewayHarness(jitter: 0.1);
        h.Start();
        var connection = await h.Server.NextConnectionAsync();
        await connection.SendHelloAsync(300);
        await connection.ReceiveOpAsync(2, ackHeartbeats: false);
        await connection.SendReadyAsync(1, h.Server.Url, "zombie-session");
        await connection.SendDmAsync(2, "600", "before");
        await connection.ReceiveOpAsync(1, ackHeartbeats: false);

        // No ACK: at the next tick the client must give up on this connection without ending the session.
        var status = await connection.WaitForClientCloseAsync();
        Assert.NotEqual(WebSocketCloseStatus.NormalClosure, status);
        Assert.NotEqual(WebSocketCloseStatus.EndpointUnavailable, status);

        var resumed = await h.Server.NextConnectionAsync();
        await resumed.SendHelloAsync(60_000);
        var resume = (await resumed.ReceiveOpAsync(6)).GetProperty("d");
        Assert.Equal("zombie-session", resume.GetProperty("session_id").GetString());
        Assert.Equal(2, resume.GetProperty("seq").GetInt64());
        Assert.Equal(TestOptions.Token, resume.GetProperty("token").GetString());
    }

    [Fact]
    public async Task Reconnect_request_resumes_and_replayed_events_are_neither_lost_nor_duplicated()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync(sessionId: "s-7");
        await connection.SendDmAsync(2, "700", "one");
        Assert.Equal("one", (await h.NextEventAsync<MessageCreateEvent>()).Message.Content);

        await connection.SendAsync("""{"op":7,"d":null}""");
        var resumed = await h.Server.NextConnectionAsync();
        Assert.Equal("/?v=10&encoding=json", resumed.RequestTarget);
        await resumed.SendHelloAsync(60_000);
        var resume = (await resumed.ReceiveOpAsync(6)).GetProperty("d");
        Assert.Equal(("s-7", 2L), (resume.GetProperty("session_id").GetString(), resume.GetProperty("seq").GetInt64()));

        // The server replays from its own idea of what was missed, overlapping seq 2.
        await resumed.SendDmAsync(2, "700", "one");
        await resumed.SendDmAsync(3, "701", "two");
        await resumed.SendDispatchAsync("RESUMED", 4, "null");
        Assert.Equal("two", (await h.NextEventAsync<MessageCreateEvent>()).Message.Content);
        Assert.Equal(4, (await h.NextEventAsync<ResumedEvent>()).Sequence);
        Assert.Single(h.GatewayBotHandler.Requests);
    }

    [Fact]
    public async Task Resumable_invalid_session_resumes()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync(sessionId: "s-9");
        await connection.SendAsync("""{"op":9,"d":true}""");
        var next = await h.Server.NextConnectionAsync();
        await next.SendHelloAsync(60_000);
        Assert.Equal("s-9", (await next.ReceiveOpAsync(6)).GetProperty("d").GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Non_resumable_invalid_session_identifies_anew_after_a_random_wait()
    {
        await using var h = new GatewayHarness(o =>
        {
            o.InvalidSessionMinDelay = TimeSpan.FromMilliseconds(400);
            o.InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(800);
        }, jitter: 0.5);
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync(sessionId: "old");
        var invalidatedAt = connection.Clock.Elapsed;
        await connection.SendAsync("""{"op":9,"d":false}""");

        var next = await h.Server.NextConnectionAsync();
        var reconnectedAfter = connection.Clock.Elapsed - invalidatedAt;
        await next.SendHelloAsync(60_000);
        var identify = await next.ReceiveOpAsync(2);
        Assert.Equal(TestOptions.Token, identify.GetProperty("d").GetProperty("token").GetString());
        Assert.InRange(reconnectedAfter.TotalMilliseconds, 550, 5000); // 400 + 0.5 × 400
        Assert.Equal(2, h.GatewayBotHandler.Requests.Count);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Fatal_close_codes_stop_the_client_with_a_clear_error(int code)
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.Server.NextConnectionAsync();
        await connection.SendHelloAsync(60_000);
        await connection.ReceiveOpAsync(2);
        await connection.CloseAsync(code, "nope");

        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => h.Run!.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(code, error.CloseCode);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestOptions.Token, error.Message, StringComparison.Ordinal);

        // The event stream ends with the same error, so a consumer loop stops too.
        await Assert.ThrowsAsync<DiscordGatewayException>(async () => await h.Client.Events.ReadAllAsync().ToListAsync());
    }

    [Fact]
    public async Task Recoverable_close_code_resumes_after_backoff()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync(sessionId: "s-4000");
        await connection.CloseAsync(4000, "unknown error");
        var next = await h.Server.NextConnectionAsync();
        await next.SendHelloAsync(60_000);
        Assert.Equal("s-4000", (await next.ReceiveOpAsync(6)).GetProperty("d").GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Session_timeout_close_code_identifies_anew()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync();
        await connection.CloseAsync(4009, "session timed out");
        var next = await h.Server.NextConnectionAsync();
        await next.SendHelloAsync(60_000);
        await next.ReceiveOpAsync(2);
    }

    [Fact]
    public async Task Dropped_socket_resumes_and_the_status_is_connected_only_between_ready_or_resumed_and_the_loss()
    {
        await using var h = new GatewayHarness();
        var beforeStart = h.Client.Status.Current;
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync(sessionId: "s-drop");
        await connection.SendDmAsync(2, "1", "x");
        await h.NextEventAsync<MessageCreateEvent>();
        var connected = h.Client.Status.Current;
        connection.Drop();
        var next = await h.Server.NextConnectionAsync();
        await next.SendHelloAsync(60_000);
        var resume = (await next.ReceiveOpAsync(6)).GetProperty("d");
        var resuming = h.Client.Status;
        Assert.Equal(2, resume.GetProperty("seq").GetInt64());
        Assert.Equal(GatewayState.Connecting, resuming.Current.State);
        Assert.Contains("shard 0 is not READY or RESUMED", resuming.Problem, StringComparison.Ordinal);

        await next.SendDispatchAsync("RESUMED", 3, "{}");
        await h.NextEventAsync<ResumedEvent>();

        Assert.Equal((0, GatewayState.Disconnected), beforeStart);
        Assert.Equal((0, GatewayState.Connected), connected);
        Assert.Equal((0, GatewayState.Connected), h.Client.Status.Current);
        Assert.Null(h.Client.Status.Problem);
    }

    [Fact]
    public async Task Stopping_closes_with_1000_and_completes_the_event_stream()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync();
        await h.StopAsync();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.WaitForClientCloseAsync());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Run!.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(await h.Client.Events.ReadAllAsync().ToListAsync());
    }

    [Fact]
    public async Task Exhausted_identify_budget_waits_for_the_reset()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var h = new GatewayHarness(gatewayBotBody: n => n == 1
            ? """{"url":"ws://unused.invalid/","shards":1,"session_start_limit":{"total":1000,"remaining":0,"reset_after":1200,"max_concurrency":1}}"""
            : null!);
        h.Start();
        await h.Server.NextConnectionAsync();
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(1100), $"connected after {started.Elapsed}");
        Assert.Equal(2, h.GatewayBotHandler.Requests.Count);
    }

    [Fact]
    public async Task Interactions_are_published_and_teach_dm_channels()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync();
        using var fixture = JsonDocument.Parse(SharedFiles.Fixture("interaction_create_button_dm.json"));
        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, fixture.RootElement.GetProperty("d").GetRawText());
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3, """{"id":"1","channel_id":"1234563982236504123","author":{"id":"53908232506183680","username":"mason"},"content":"no channel_type","type":0,"flags":64}""");
        var interaction = (await h.NextEventAsync<InteractionCreateEvent>()).Interaction;
        Assert.Equal("click_me", interaction.Data!.CustomId);
        Assert.True((await h.NextEventAsync<MessageCreateEvent>()).IsDirectMessage);
    }

    [Fact]
    public async Task A_malformed_dispatch_is_skipped_without_dropping_the_session()
    {
        await using var h = new GatewayHarness();
        h.Start();
        var connection = await h.ConnectAndIdentifyAsync();
        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, """{"id":5}""");
        await connection.SendDmAsync(3, "2", "fine");
        Assert.Equal("fine", (await h.NextEventAsync<MessageCreateEvent>()).Message.Content);
    }
}
