using System.Text.Json;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Tests.Support;

namespace ChatCoach.Discord.Tests.Models;

public sealed class FixtureDeserializationTests
{
    private static T Data<T>(string fixture)
    {
        using var doc = JsonDocument.Parse(SharedFiles.Fixture(fixture));
        var root = doc.RootElement.TryGetProperty("op", out _) ? doc.RootElement.GetProperty("d") : doc.RootElement;
        return root.Deserialize<T>(DiscordJson.Options)!;
    }

    [Fact]
    public void Dm_message_create()
    {
        var message = Data<DiscordMessage>("gateway_message_create_dm.json");
        Assert.Equal("334385199974967042", message.Id);
        Assert.Equal("290926798999357250", message.ChannelId);
        Assert.Equal(DiscordChannelType.DirectMessage, message.ChannelType);
        Assert.Null(message.GuildId);
        Assert.Equal("Supa Hot", message.Content);
        Assert.Equal("53908099506183680", message.Author!.Id);
        Assert.Equal("Mason", message.Author.GlobalName);
        Assert.Equal(new DateTimeOffset(2017, 7, 11, 17, 27, 7, 299, TimeSpan.Zero), message.Timestamp);
    }

    [Fact]
    public void Slash_command_in_a_dm()
    {
        var interaction = Data<Interaction>("interaction_create_slash_dm.json");
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.True(interaction.IsDirectMessage);
        Assert.Equal("coach", interaction.Data!.Name);
        var option = Assert.Single(interaction.Data.Options!);
        Assert.Equal("topic", option.Name);
        Assert.Equal("small talk at work", option.Value!.Value.GetString());
        Assert.NotNull(interaction.InvokingUser);
    }

    [Fact]
    public void Slash_command_in_a_guild_has_member_permissions()
    {
        var interaction = Data<Interaction>("interaction_create_slash_guild.json");
        Assert.False(interaction.IsDirectMessage);
        Assert.Equal("290926798626357999", interaction.GuildId);
        Assert.Equal("2147483647", interaction.Member!.Permissions);
        Assert.Equal(["539082325061836999"], interaction.Member.Roles);
        Assert.Equal("53908232506183680", interaction.InvokingUser!.Id);
    }

    [Fact]
    public void Button_click_in_a_dm()
    {
        var interaction = Data<Interaction>("interaction_create_button_dm.json");
        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal("click_me", interaction.Data!.CustomId);
        Assert.Equal(2, interaction.Data.ComponentType);
        Assert.Equal("1234968734674853950", interaction.Message!.Id);
        Assert.Equal("A_UNIQUE_TOKEN", interaction.Token);
        Assert.True(interaction.IsDirectMessage);
    }

    [Fact]
    public void String_select_in_a_dm()
    {
        var interaction = Data<Interaction>("interaction_create_string_select_dm.json");
        Assert.Equal(3, interaction.Data!.ComponentType);
        Assert.NotEmpty(interaction.Data.Values!);
    }

    [Fact]
    public void Subcommand_options_nest()
    {
        var data = Data<InteractionData>("interaction_data_subcommand_with_user_option.json");
        var sub = Assert.Single(data.Options!);
        Assert.Equal(1, sub.Type);
        Assert.Equal("user", Assert.Single(sub.Options!).Name);
        Assert.NotNull(data.Resolved);
    }

    [Fact]
    public void Gateway_bot_response()
    {
        var info = Data<GatewayBotInfo>("rest_gateway_bot_response.json");
        Assert.Equal(new Uri("wss://gateway.discord.gg/"), info.Url);
        Assert.Equal(999, info.SessionStartLimit!.Remaining);
        Assert.Equal(14400000, info.SessionStartLimit.ResetAfter);
    }

    [Fact]
    public void Dm_channel_response()
    {
        var channel = Data<ChannelInfo>("rest_create_dm_response.json");
        Assert.Equal(DiscordChannelType.DirectMessage, channel.Type);
        Assert.Equal("1234563982236504123", channel.Id);
    }
}
