using System.Text;
using System.Text.Json;
using ChatCoach.Discord.Gateway;
using ChatCoach.Discord.Tests.Support;

namespace ChatCoach.Discord.Tests.Gateway;

public sealed class GatewayFrameTests
{
    [Fact]
    public void Identify_carries_token_intents_properties_and_shard()
    {
        using var doc = JsonDocument.Parse(GatewayFrame.Identify("my_token", GatewayIntents.Guilds | GatewayIntents.DirectMessages, 0, 1));
        using var fixture = JsonDocument.Parse(SharedFiles.Fixture("gateway_identify.json"));
        var d = doc.RootElement.GetProperty("d");
        var expected = fixture.RootElement.GetProperty("d");
        Assert.Equal(2, doc.RootElement.GetProperty("op").GetInt32());
        Assert.Equal("my_token", d.GetProperty("token").GetString());
        Assert.Equal(4097, d.GetProperty("intents").GetInt32());
        Assert.Equal(expected.GetProperty("intents").GetInt32(), d.GetProperty("intents").GetInt32());
        Assert.Equal(JsonSerializer.Serialize(expected.GetProperty("shard")), d.GetProperty("shard").GetRawText());
        Assert.Equal("chatcoach", d.GetProperty("properties").GetProperty("browser").GetString());
        Assert.False(d.TryGetProperty("compress", out _));
    }

    [Fact]
    public void Identify_uses_the_configured_shard()
    {
        using var doc = JsonDocument.Parse(GatewayFrame.Identify("t", GatewayIntents.DirectMessages, 2, 3));
        Assert.Equal("[2,3]", doc.RootElement.GetProperty("d").GetProperty("shard").GetRawText());
    }

    [Fact]
    public void Resume_matches_the_fixture_shape()
    {
        var json = Encoding.UTF8.GetString(GatewayFrame.Resume("my_token", "9f0d3c2b7a1e4c55b6d8e0f1a2b3c4d5", 1337));
        using var fixture = JsonDocument.Parse(SharedFiles.Fixture("gateway_resume.json"));
        Assert.Equal(JsonSerializer.Serialize(fixture.RootElement), json);
    }

    [Fact]
    public void Heartbeat_sends_the_last_sequence_or_null()
    {
        Assert.Equal("""{"op":1,"d":null}""", Encoding.UTF8.GetString(GatewayFrame.Heartbeat(null)));
        Assert.Equal("""{"op":1,"d":251}""", Encoding.UTF8.GetString(GatewayFrame.Heartbeat(251)));
    }

    [Theory]
    [InlineData("gateway_hello.json", 10, null, null)]
    [InlineData("gateway_heartbeat_ack.json", 11, null, null)]
    [InlineData("gateway_ready.json", 0, 1L, "READY")]
    [InlineData("gateway_message_create_dm.json", 0, 42L, "MESSAGE_CREATE")]
    [InlineData("gateway_invalid_session.json", 9, null, null)]
    [InlineData("gateway_reconnect.json", 7, null, null)]
    public void Parses_fixture_frames(string fixture, int op, long? sequence, string? name)
    {
        var frame = GatewayFrame.Parse(Encoding.UTF8.GetBytes(SharedFiles.Fixture(fixture)));
        Assert.Equal(op, frame.Op);
        Assert.Equal(sequence, frame.Sequence);
        Assert.Equal(name, frame.EventName);
    }

    [Fact]
    public void Frames_stay_under_the_outbound_limit()
    {
        Assert.True(GatewayFrame.Identify(new string('t', 100), GatewayIntents.Guilds, 0, 1).Length < 4096);
    }
}
