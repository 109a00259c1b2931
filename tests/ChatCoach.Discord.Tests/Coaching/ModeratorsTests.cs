using ChatCoach.Discord.Coaching;
using ChatCoach.Discord.Interactions;

namespace ChatCoach.Discord.Tests.Coaching;

public sealed class ModeratorsTests
{
    private static Interaction In(string? guild, string permissions, params string[] roles) => new()
    {
        Id = "1",
        ApplicationId = "2",
        Token = "t",
        GuildId = guild,
        Member = guild is null ? null : new GuildMember { Permissions = permissions, Roles = roles },
    };

    [Theory]
    [InlineData("32", true)]          // Manage Server
    [InlineData("8", true)]           // Administrator
    [InlineData("104324673", false)]  // an ordinary member
    [InlineData("0", false)]
    public void Manage_server_or_administrator_makes_a_moderator(string permissions, bool allowed)
    {
        Assert.Equal(allowed, Moderators.Allows(In("9", permissions), []));
    }

    [Fact]
    public void A_configured_role_makes_a_moderator()
    {
        Assert.True(Moderators.Allows(In("9", "0", "555", "777"), ["777"]));
        Assert.False(Moderators.Allows(In("9", "0", "555"), ["777"]));
    }

    [Fact]
    public void Nobody_is_a_moderator_in_dms()
    {
        Assert.False(Moderators.Allows(In(null, "8"), ["777"]));
    }
}
