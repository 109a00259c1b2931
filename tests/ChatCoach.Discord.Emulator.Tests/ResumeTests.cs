using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Tests.Support;

namespace ChatCoach.Discord.Emulator.Tests;

/// <summary>Resume replays what the bot missed; sessions end when Discord says they do.</summary>
public sealed class ResumeTests
{
    private const string User = "53908232506183680";

    private static JsonObject Resume(DiscordEmulator emulator, string sessionId, int seq) => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject { ["token"] = emulator.Options.Token, ["session_id"] = sessionId, ["seq"] = seq },
    };

    [Fact]
    public async Task Resume_replays_every_dispatch_missed_after_the_given_seq_then_resumed()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (first, ready) = await GatewayClient.IdentifiedAsync(emulator);
        var sessionId = ready["d"]!["session_id"]!.GetValue<string>();
        await emulator.SendDirectMessageAsync(User, "seen");
        var seen = await first.ExpectDispatchAsync("MESSAGE_CREATE");
        Assert.Equal(2, seen["s"]!.GetValue<int>());

        await emulator.DropConnectionsAsync();
        Assert.Null(await first.ClosedAsync());
        await first.DisposeAsync();
        await GatewayTests.WaitAsync(() => emulator.Connections.SingleOrDefault(c => c.End == ConnectionEnd.Aborted));
        var missed1 = await emulator.SendDirectMessageAsync(User, "missed one");
        var missed2 = await emulator.SendDirectMessageAsync(User, "missed two");

        await using var second = await GatewayClient.ConnectAsync(emulator.ResumeGatewayUrl);
        await second.ExpectOpAsync(10);
        await second.SendAsync(Resume(emulator, sessionId, 2));
        var replay1 = await second.ExpectAsync(f => f["op"]!.GetValue<int>() == 0);
        var replay2 = await second.ExpectAsync(f => f["op"]!.GetValue<int>() == 0);
        var resumed = await second.ExpectAsync(f => f["op"]!.GetValue<int>() == 0);

        Assert.Equal((missed1, 3), (replay1["d"]!["id"]!.GetValue<string>(), replay1["s"]!.GetValue<int>()));
        Assert.Equal((missed2, 4), (replay2["d"]!["id"]!.GetValue<string>(), replay2["s"]!.GetValue<int>()));
        Assert.Equal("RESUMED", resumed["t"]!.GetValue<string>());
        var connection = emulator.Connections[^1];
        Assert.True(connection.Resumed);
        Assert.Equal("/resume", connection.Path);
        Assert.Equal(sessionId, connection.SessionId);

        var live = await emulator.SendDirectMessageAsync(User, "live again");
        var next = await second.ExpectDispatchAsync("MESSAGE_CREATE");
        Assert.Equal(live, next["d"]!["id"]!.GetValue<string>());
        Assert.Equal(6, next["s"]!.GetValue<int>());
        Assert.Empty(emulator.Violations);
    }

    [Fact]
    public async Task Resume_with_an_older_seq_replays_from_there()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (first, ready) = await GatewayClient.IdentifiedAsync(emulator);
        await emulator.SendDirectMessageAsync(User, "one");
        await emulator.SendDirectMessageAsync(User, "two");
        await first.ExpectAsync(f => f["s"]?.GetValue<int>() == 3);
        await first.DisposeAsync();

        await using var second = await GatewayClient.ConnectAsync(emulator.ResumeGatewayUrl);
        await second.ExpectOpAsync(10);
        await second.SendAsync(Resume(emulator, ready["d"]!["session_id"]!.GetValue<string>(), 1));

        var replayed = await second.ExpectDispatchAsync("MESSAGE_CREATE");
        Assert.Equal("one", replayed["d"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resuming_an_unknown_session_is_invalid_session_false()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var client = await GatewayClient.ConnectAsync(emulator.ResumeGatewayUrl);
        await client.ExpectOpAsync(10);

        await client.SendAsync(Resume(emulator, "nope", 1));

        Assert.False((await client.ExpectOpAsync(9))["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Resuming_with_a_seq_the_session_never_had_closes_4007()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (first, ready) = await GatewayClient.IdentifiedAsync(emulator);
        await first.DisposeAsync();
        await using var client = await GatewayClient.ConnectAsync(emulator.ResumeGatewayUrl);
        await client.ExpectOpAsync(10);

        await client.SendAsync(Resume(emulator, ready["d"]!["session_id"]!.GetValue<string>(), 99));

        Assert.Equal(4007, await client.ClosedAsync());
    }

    [Fact]
    public async Task A_client_close_with_1000_ends_the_session()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (first, ready) = await GatewayClient.IdentifiedAsync(emulator);
        await first.CloseAsync(WebSocketCloseStatus.NormalClosure);
        await first.DisposeAsync();
        await GatewayTests.WaitAsync(() => emulator.Connections.SingleOrDefault(c => c.End != ConnectionEnd.Open));
        await using var client = await GatewayClient.ConnectAsync(emulator.ResumeGatewayUrl);
        await client.ExpectOpAsync(10);

        await client.SendAsync(Resume(emulator, ready["d"]!["session_id"]!.GetValue<string>(), 1));

        Assert.False((await client.ExpectOpAsync(9))["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Invalid_session_false_ends_the_session_and_allows_a_new_identify()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { IdentifyConcurrencyWindow = TimeSpan.Zero });
        var (client, ready) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = client;

        await emulator.SendInvalidSessionAsync(resumable: false);
        var invalid = await client.ExpectOpAsync(9);
        await client.SendAsync(GatewayClient.Identify(emulator.Options.Token));
        var again = await client.ExpectDispatchAsync("READY");

        Assert.False(invalid["d"]!.GetValue<bool>());
        Assert.NotEqual(ready["d"]!["session_id"]!.GetValue<string>(), again["d"]!["session_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resuming_on_the_base_url_works_but_is_reported()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (first, ready) = await GatewayClient.IdentifiedAsync(emulator);
        await first.DisposeAsync();
        await using var client = await GatewayClient.ConnectAsync(emulator.GatewayUrl);
        await client.ExpectOpAsync(10);

        await client.SendAsync(Resume(emulator, ready["d"]!["session_id"]!.GetValue<string>(), 1));

        await client.ExpectDispatchAsync("RESUMED");
        Assert.Contains(emulator.Violations, v => v.Kind == ViolationKind.ResumeOutsideResumeUrl);
    }
}
