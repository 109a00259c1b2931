using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Tests.Support;

namespace ChatCoach.Discord.Emulator.Tests;

/// <summary>With exclusive shards (replicas sharing shards by leases), no two connections may hold one shard at once.</summary>
public sealed class ShardTests
{
    private static readonly EmulatorOptions Exclusive = new() { ExclusiveShards = true, IdentifyConcurrencyWindow = TimeSpan.Zero };

    [Fact]
    public async Task A_second_connection_identifying_on_a_held_shard_is_a_violation()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Exclusive);
        var (first, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = first;

        var (second, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var __ = second;

        Assert.Contains(emulator.Violations, v => v.Kind == ViolationKind.ShardHeldTwice);
    }

    [Fact]
    public async Task Resuming_a_held_shard_while_its_holder_is_still_connected_is_a_violation_and_after_it_left_is_not()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Exclusive);
        var (holder, ready) = await GatewayClient.IdentifiedAsync(emulator);
        var sessionId = ready["d"]!["session_id"]!.GetValue<string>();

        await using (var early = await GatewayClient.ConnectAsync(emulator.ResumeGatewayUrl))
        {
            await early.ExpectOpAsync(10);
            await early.SendAsync(Resume(emulator, sessionId));
            await early.ExpectDispatchAsync("RESUMED");
        }

        Assert.Single(emulator.Violations, v => v.Kind == ViolationKind.ShardHeldTwice);
        await holder.DisposeAsync();
        await GatewayTests.WaitAsync(() => emulator.Connections.All(c => c.ClosedAt is not null) ? emulator.Connections[0] : null);

        await using var taker = await GatewayClient.ConnectAsync(emulator.ResumeGatewayUrl);
        await taker.ExpectOpAsync(10);
        await taker.SendAsync(Resume(emulator, sessionId));
        await taker.ExpectDispatchAsync("RESUMED");

        Assert.Single(emulator.Violations, v => v.Kind == ViolationKind.ShardHeldTwice);
    }

    [Fact]
    public async Task Without_exclusive_shards_two_connections_on_one_shard_are_allowed()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { IdentifyConcurrencyWindow = TimeSpan.Zero });
        var (first, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = first;
        var (second, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var __ = second;

        Assert.DoesNotContain(emulator.Violations, v => v.Kind == ViolationKind.ShardHeldTwice);
    }

    private static JsonObject Resume(DiscordEmulator emulator, string sessionId) => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject { ["token"] = emulator.Options.Token, ["session_id"] = sessionId, ["seq"] = 1 },
    };
}
