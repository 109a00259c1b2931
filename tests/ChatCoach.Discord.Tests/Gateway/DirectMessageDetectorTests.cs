using System.Text.Json;
using ChatCoach.Discord.Gateway;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Tests.Support;

namespace ChatCoach.Discord.Tests.Gateway;

public sealed class DirectMessageDetectorTests
{
    private static DiscordMessage Message(string? guildId = null, DiscordChannelType? channelType = null, MessageFlags? flags = null, string channelId = "100") =>
        new() { Id = "1", ChannelId = channelId, GuildId = guildId, ChannelType = channelType, Flags = flags, Content = "hi" };

    [Fact]
    public void The_dm_fixture_is_a_dm()
    {
        using var frame = JsonDocument.Parse(SharedFiles.Fixture("gateway_message_create_dm.json"));
        var message = frame.RootElement.GetProperty("d").Deserialize<DiscordMessage>(DiscordJson.Options)!;
        Assert.True(new DirectMessageDetector().IsDirectMessage(message));
    }

    [Theory]
    [InlineData(DiscordChannelType.GuildText)]
    [InlineData(DiscordChannelType.GroupDirectMessage)]
    [InlineData((DiscordChannelType)11)]
    public void Channel_type_other_than_dm_is_not_a_dm_even_without_guild_id(DiscordChannelType type) =>
        Assert.False(new DirectMessageDetector().IsDirectMessage(Message(channelType: type)));

    [Fact]
    public void Guild_id_means_not_a_dm() => Assert.False(new DirectMessageDetector().IsDirectMessage(Message(guildId: "5")));

    [Fact]
    public void Missing_guild_id_on_an_ephemeral_message_is_not_enough() =>
        Assert.False(new DirectMessageDetector().IsDirectMessage(Message(flags: MessageFlags.Ephemeral)));

    [Fact]
    public void A_channel_seen_as_dm_stays_a_dm_when_channel_type_is_missing()
    {
        var detector = new DirectMessageDetector();
        Assert.True(detector.IsDirectMessage(Message(channelType: DiscordChannelType.DirectMessage, channelId: "77")));
        Assert.True(detector.IsDirectMessage(Message(flags: MessageFlags.Ephemeral, channelId: "77")));
    }

    [Fact]
    public void Dm_interactions_teach_the_channel()
    {
        var detector = new DirectMessageDetector();
        detector.Learn(new Interaction { Id = "1", ApplicationId = "2", Token = "t", Channel = new ChannelInfo { Id = "88", Type = DiscordChannelType.DirectMessage } });
        Assert.True(detector.IsDirectMessage(Message(flags: MessageFlags.Ephemeral, channelId: "88")));
    }

    [Fact]
    public void Without_channel_type_or_guild_a_plain_message_falls_back_to_dm() =>
        Assert.True(new DirectMessageDetector().IsDirectMessage(Message()));
}
