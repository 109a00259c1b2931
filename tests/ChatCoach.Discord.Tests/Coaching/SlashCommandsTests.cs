using ChatCoach.Discord.Coaching;

namespace ChatCoach.Discord.Tests.Coaching;

public sealed class SlashCommandsTests
{
    [Fact]
    public void Every_user_command_works_in_dms_and_servers_and_the_moderator_command_only_in_servers()
    {
        Assert.All(SlashCommands.ForUsers, c => Assert.Equal([0, 1, 2], c.Contexts!));
        Assert.DoesNotContain(SlashCommands.ForUsers, c => c.Name == "dialogs");
        var dialogs = SlashCommands.Dialogs;
        Assert.Equal([0], dialogs.Contexts!);
        Assert.Equal(SlashCommands.ManageGuild, dialogs.DefaultMemberPermissions);
    }

    [Fact]
    public void The_fingerprint_changes_with_the_scope_and_stays_for_the_same_scope()
    {
        Assert.Equal(SlashCommands.Fingerprint("global", SlashCommands.ForUsers), SlashCommands.Fingerprint("global", SlashCommands.ForUsers));
        Assert.NotEqual(SlashCommands.Fingerprint("global", SlashCommands.ForUsers), SlashCommands.Fingerprint("guild:1", SlashCommands.ForUsers));
        Assert.NotEqual(SlashCommands.Fingerprint("guild:1", SlashCommands.ForUsers), SlashCommands.Fingerprint("guild:1", [.. SlashCommands.ForUsers, SlashCommands.Dialogs]));
    }
}
