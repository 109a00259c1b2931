using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Tests.Support;

namespace ChatCoach.Discord.Emulator.Tests;

/// <summary>The gateway closes with Discord's codes (PROTOCOL.md §1.10).</summary>
public sealed class CloseCodeTests
{
    private static async Task<int?> CloseCodeAfterAsync(EmulatorOptions options, params string[] payloads)
    {
        await using var emulator = await DiscordEmulator.StartAsync(options);
        await using var client = await GatewayClient.ConnectAsync(emulator.GatewayUrl);
        await client.ExpectOpAsync(10);
        foreach (var payload in payloads)
        {
            await client.SendRawAsync(payload.Replace("TOKEN", emulator.Options.Token, StringComparison.Ordinal));
        }

        var code = await client.ClosedAsync();
        Assert.Contains(emulator.Violations, v => v.Kind is ViolationKind.GatewayProtocolError);
        return code;
    }

    private static string Identify(string token = "TOKEN", long intents = 4097) => GatewayClient.Identify(token, intents).ToJsonString();

    [Fact]
    public async Task A_bad_token_closes_4004() =>
        Assert.Equal(4004, await CloseCodeAfterAsync(new EmulatorOptions(), Identify("wrong")));

    [Fact]
    public async Task A_payload_before_identify_closes_4003() =>
        Assert.Equal(4003, await CloseCodeAfterAsync(new EmulatorOptions(), Fixture.Text("gateway_presence_update")));

    [Fact]
    public async Task A_second_identify_closes_4005() =>
        Assert.Equal(4005, await CloseCodeAfterAsync(new EmulatorOptions(), Identify(), Identify()));

    [Fact]
    public async Task A_payload_that_is_not_json_closes_4002() =>
        Assert.Equal(4002, await CloseCodeAfterAsync(new EmulatorOptions(), "{not json"));

    [Fact]
    public async Task A_payload_over_4096_bytes_closes_4002() =>
        Assert.Equal(4002, await CloseCodeAfterAsync(new EmulatorOptions(), new JsonObject { ["op"] = 1, ["d"] = new string('x', 5000) }.ToJsonString()));

    [Fact]
    public async Task An_unknown_opcode_closes_4001() =>
        Assert.Equal(4001, await CloseCodeAfterAsync(new EmulatorOptions(), "{\"op\":5,\"d\":null}"));

    [Fact]
    public async Task A_privileged_intent_that_is_not_enabled_closes_4014() =>
        Assert.Equal(4014, await CloseCodeAfterAsync(new EmulatorOptions(), Identify(intents: 4097 | 32768)));

    [Fact]
    public async Task Undefined_intent_bits_close_4013() =>
        Assert.Equal(4013, await CloseCodeAfterAsync(new EmulatorOptions(), Identify(intents: 1L << 40)));

    [Fact]
    public async Task Sending_too_fast_closes_4008() =>
        Assert.Equal(4008, await CloseCodeAfterAsync(new EmulatorOptions { GatewaySendLimit = 3 }, [.. Enumerable.Repeat("{\"op\":1,\"d\":null}", 4)]));

    [Fact]
    public async Task A_wrong_api_version_closes_4012()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        await using var client = await GatewayClient.ConnectAsync(emulator.GatewayUrl, "?v=9&encoding=json");

        Assert.Equal(4012, await client.ClosedAsync());
    }

    [Fact]
    public async Task Privileged_intents_enabled_for_the_app_are_accepted()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { AllowedPrivilegedIntents = 32768 });

        var (client, ready) = await GatewayClient.IdentifiedAsync(emulator, intents: 4097 | 32768);
        await using var _ = client;

        Assert.Equal("READY", ready["t"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4009)]
    [InlineData(4014)]
    public async Task The_emulator_can_close_with_any_code(int code)
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var (client, _) = await GatewayClient.IdentifiedAsync(emulator);
        await using var _ = client;

        await emulator.CloseConnectionsAsync(code);

        Assert.Equal(code, await client.ClosedAsync());
    }
}
