using ChatCoach.Discord.Coaching;
using ChatCoach.Discord.Interactions;

namespace ChatCoach.Discord.Tests.Coaching;

public sealed class ModeratorsTests
{
    private const string Home = "9";

    private static Interaction In(string? guild, string permissions, params string[] roles) => new()
    {
        Id = "1",
        ApplicationId = "2",
        Token = "t",
        GuildId = guild,
        Member = guild is null ? null : new GuildMember { Permissions = permissions, Roles = roles },
    };

    private static DiscordOptions Options(params string[] roles) => new() { HomeGuildId = Home, ModeratorRoleIds = roles };

    [Theory]
    [InlineData("32", true)]          // Manage Server
    [InlineData("8", true)]           // Administrator
    [InlineData("104324673", false)]  // an ordinary member
    [InlineData("0", false)]
    public void Manage_server_or_administrator_of_the_home_server_makes_a_moderator(string permissions, bool allowed)
    {
        Assert.Equal(allowed, Moderators.Refusal(In(Home, permissions), Options()) is null);
    }

    [Fact]
    public void A_configured_role_in_the_home_server_makes_a_moderator()
    {
        Assert.Null(Moderators.Refusal(In(Home, "0", "555", "777"), Options("777")));
        Assert.NotNull(Moderators.Refusal(In(Home, "0", "555"), Options("777")));
    }

    [Fact]
    public void The_owner_of_another_server_is_no_moderator()
    {
        Assert.Equal("not in the home server", Moderators.Refusal(In("10", "8"), Options()));
    }

    [Fact]
    public void Nobody_is_a_moderator_in_dms_or_without_a_home_server()
    {
        Assert.NotNull(Moderators.Refusal(In(null, "8"), Options("777")));
        Assert.Equal("no home server is configured: /dialogs is off", Moderators.Refusal(In(Home, "8"), new DiscordOptions()));
    }
}
