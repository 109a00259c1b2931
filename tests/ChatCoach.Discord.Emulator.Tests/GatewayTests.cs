using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Tests.Support;

namespace ChatCoach.Discord.Emulator.Tests;

/// <summary>Hello, Identify, READY, heartbeats and dispatches over a raw ClientWebSocket.</summary>
public sealed class GatewayTests
{
    private const string User = "53908232506183680";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly int[] SingleShard = [0, 1];

    [Fact]
    public async Task Hello_carries_the_configured_interval_and_ready_the_session()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(500) });
        await using var client = await GatewayClient.ConnectAsync(emulator.GatewayUrl);

        var hello = await client.ExpectOpAsync(10);
        await client.SendAsync(Fixture.Json("gateway_identify").AsObject().Also(f => f["d"]!["token"] = emulator.Options.Token));
        var ready = await client.ExpectDispatchAsync("READY");

        Assert.Equal(500, hello["d"]!["heartbeat_interval"]!.GetValue<int>());
        var d = ready["d"]!;
        Assert.Equal(1, ready["s"]!.GetValue<int>());
        Assert.Equal(10, d["v"]!.GetValue<int>());
        Assert.Equal(emulator.Options.BotUserId, d["user"]!["id"]!.GetValue<string>());
        Assert.True(d["user"]!["bot"]!.GetValue<bool>());
        Assert.Equal(emulator.Options.ApplicationId, d["application"]!["id"]!.GetValue<string>());
        Assert.Equal(emulator.Options.ApplicationFlags, d["application"]!["flags"]!.GetValue<long>());
        Assert.Equal(emulator.ResumeGatewayUrl.ToString().TrimEnd('/'), d["resume_gateway_url"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(d["session_id"]!.GetValue<string>()));
        Assert.Equal(SingleShard, d["shard"]!.AsArray().Select(n => n!.GetValue<int>()));
        await emulator.WaitForReadyAsync(Patience);
        var identify = Assert.Single(emulator.ReceivedFrames, f => f.Op == 2);
        Assert.Equal("[redacted]", identify.Data().GetProperty("token").GetString());
        Assert.Empty(emulator.Violations);
    }

    [Fact]
    public async Task Heartbeats_are_acknowledged_until_acks_are_stopped()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (client, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = client;

        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 1 });
        var ack = await client.ExpectOpAsync(11);
        emulator.StopHeartbeatAcks(true);
        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 1 });

        Assert.Equal(11, ack["op"]!.GetValue<int>());
        Assert.False(await client.ReceivesWithinAsync(f => f["op"]!.GetValue<int>() == 11, TimeSpan.FromSeconds(1)));
        Assert.Equal(2, emulator.ReceivedFrames.Count(f => f.Op == 1));
    }

    [Fact]
    public async Task The_server_can_request_a_heartbeat_and_send_reconnect()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (client, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = client;

        await emulator.RequestHeartbeatAsync();
        var request = await client.ExpectOpAsync(1);
        await emulator.SendReconnectAsync();
        var reconnect = await client.ExpectOpAsync(7);

        Assert.Null(request["d"]);
        Assert.Null(reconnect["d"]);
    }

    [Fact]
    public async Task A_connection_that_stops_heartbeating_is_closed_and_reported()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            HeartbeatTimeout = TimeSpan.FromMilliseconds(600),
        });
        var (client, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = client;

        Assert.NotNull(await client.ClosedAsync());
        Assert.Contains(emulator.Violations, v => v.Kind == ViolationKind.HeartbeatTimeout);
    }

    [Fact]
    public async Task A_dm_arrives_as_message_create_with_channel_type_1_and_no_guild()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (client, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = client;

        var id = await emulator.SendDirectMessageAsync(User, "Supa Hot");
        var frame = await client.ExpectDispatchAsync("MESSAGE_CREATE");

        var d = frame["d"]!;
        Assert.Equal(2, frame["s"]!.GetValue<int>());
        Assert.Equal(id, d["id"]!.GetValue<string>());
        Assert.Equal(1, d["channel_type"]!.GetValue<int>());
        Assert.Null(d["guild_id"]);
        Assert.Null(d["member"]);
        Assert.Equal("Supa Hot", d["content"]!.GetValue<string>());
        Assert.Equal(User, d["author"]!["id"]!.GetValue<string>());
        Assert.Equal(emulator.DmChannelId(User), d["channel_id"]!.GetValue<string>());
        var fixture = Fixture.Json("gateway_message_create_dm")["d"]!.AsObject();
        Assert.All(fixture.Select(p => p.Key), key => Assert.True(d.AsObject().ContainsKey(key), $"missing {key}"));
    }

    [Fact]
    public async Task Dms_need_the_direct_messages_intent()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (client, _) = await GatewayClient.IdentifiedAsync(emulator, intents: 1);
        await using var _ = client;

        await emulator.SendDirectMessageAsync(User, "hello?");

        Assert.False(await client.ReceivesWithinAsync(f => f["t"]?.GetValue<string>() == "MESSAGE_CREATE", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task The_bot_receives_its_own_messages_too()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (client, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = client;
        using var rest = new RestClient(emulator);

        await rest.PostAsync($"/channels/{emulator.DmChannelId(User)}/messages", new JsonObject { ["content"] = "from the bot" });
        var frame = await client.ExpectDispatchAsync("MESSAGE_CREATE");

        Assert.Equal(emulator.Options.BotUserId, frame["d"]!["author"]!["id"]!.GetValue<string>());
        Assert.True(frame["d"]!["author"]!["bot"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Slash_commands_arrive_shaped_like_the_fixtures()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var rest = new RestClient(emulator);
        await rest.PutAsync($"/applications/{emulator.Options.ApplicationId}/commands", Fixture.Json("rest_bulk_overwrite_global_commands"));
        var (client, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = client;

        var dmId = await emulator.SlashCommandAsync(User, "coach", [new CommandOptionValue("topic", "small talk at work")]);
        var inDm = (await client.ExpectDispatchAsync("INTERACTION_CREATE"))["d"]!.AsObject();
        var guildId = await emulator.SlashCommandAsync(
            User,
            "coach-admin",
            [CommandOptionValue.Sub("reset-user", new CommandOptionValue("user", "80351110224678912"))],
            new GuildInvocation("290926798626357999", Permissions: "32", RoleIds: ["539082325061836999"]));
        var inGuild = (await client.ExpectDispatchAsync("INTERACTION_CREATE"))["d"]!.AsObject();

        Assert.Equal(dmId, inDm["id"]!.GetValue<string>());
        Assert.Equal(1, inDm["context"]!.GetValue<int>());
        Assert.Equal(User, inDm["user"]!["id"]!.GetValue<string>());
        Assert.Null(inDm["member"]);
        Assert.Equal("small talk at work", inDm["data"]!["options"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(3, inDm["data"]!["options"]![0]!["type"]!.GetValue<int>());
        Assert.All(Fixture.Json("interaction_create_slash_dm")["d"]!.AsObject().Select(p => p.Key), key => Assert.True(inDm.ContainsKey(key), $"missing {key}"));

        Assert.Equal(guildId, inGuild["id"]!.GetValue<string>());
        Assert.Equal(0, inGuild["context"]!.GetValue<int>());
        Assert.Equal("32", inGuild["member"]!["permissions"]!.GetValue<string>());
        Assert.Equal("539082325061836999", inGuild["member"]!["roles"]![0]!.GetValue<string>());
        Assert.Equal(User, inGuild["member"]!["user"]!["id"]!.GetValue<string>());
        Assert.Null(inGuild["user"]);
        var sub = inGuild["data"]!["options"]![0]!;
        Assert.Equal(1, sub["type"]!.GetValue<int>());
        Assert.Equal(6, sub["options"]![0]!["type"]!.GetValue<int>());
        Assert.NotNull(inGuild["data"]!["resolved"]!["users"]!["80351110224678912"]);
        Assert.NotNull(inGuild["data"]!["resolved"]!["members"]!["80351110224678912"]);
    }

    [Fact]
    public async Task Guilds_are_announced_unavailable_then_created()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { GuildIds = ["290926798626357999"] });
        var (client, ready) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = client;

        var created = await client.ExpectDispatchAsync("GUILD_CREATE");

        Assert.True(ready["d"]!["guilds"]![0]!["unavailable"]!.GetValue<bool>());
        Assert.Equal("290926798626357999", created["d"]!["id"]!.GetValue<string>());
        Assert.Equal(2, created["s"]!.GetValue<int>());
    }

    [Fact]
    public async Task Identify_faster_than_max_concurrency_gets_invalid_session()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { IdentifyConcurrencyWindow = TimeSpan.FromMinutes(1) });
        var (first, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = first;
        await using var second = await GatewayClient.ConnectAsync(emulator.GatewayUrl);
        await second.ExpectOpAsync(10);

        await second.SendAsync(GatewayClient.Identify(emulator.Options.Token));
        var invalid = await second.ExpectOpAsync(9);

        Assert.False(invalid["d"]!.GetValue<bool>());
        Assert.Contains(emulator.Violations, v => v.Kind == ViolationKind.IdentifyRateLimited);
    }

    [Fact]
    public async Task Connections_are_recorded_with_how_they_ended()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (client, ready) = await GatewayClient.IdentifiedAsync(emulator);
        await using (client)
        {
            await client.CloseAsync(WebSocketCloseStatus.NormalClosure);
        }

        var connection = await WaitAsync(() => emulator.Connections.SingleOrDefault(c => c.End != ConnectionEnd.Open));

        Assert.Equal("/", connection.Path);
        Assert.Equal(ready["d"]!["session_id"]!.GetValue<string>(), connection.SessionId);
        Assert.Equal(ConnectionEnd.ClosedByClient, connection.End);
        Assert.Equal(1000, connection.CloseCode);
    }

[Fact]
    public async Task Guild_message_content_needs_message_content_or_a_mention()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (client, _) = await GatewayClient.IdentifiedAsync(emulator, intents: 1 | 512);
        await using var _ = client;

        await emulator.SendGuildMessageAsync(User, "290926798626357999", "no mention");
        var hidden = await client.ExpectDispatchAsync("MESSAGE_CREATE");
        await emulator.SendGuildMessageAsync(User, "290926798626357999", "hey bot", mentionBot: true);
        var visible = await client.ExpectDispatchAsync("MESSAGE_CREATE");

        Assert.Equal(string.Empty, hidden["d"]!["content"]!.GetValue<string>());
        Assert.Equal("290926798626357999", hidden["d"]!["guild_id"]!.GetValue<string>());
        Assert.NotNull(hidden["d"]!["member"]);
        Assert.Equal(0, hidden["d"]!["channel_type"]!.GetValue<int>());
        Assert.Contains("hey bot", visible["d"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

        internal static async Task<T> WaitAsync<T>(Func<T?> probe)
        where T : class
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < Patience)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("Condition not met.");
    }
}
