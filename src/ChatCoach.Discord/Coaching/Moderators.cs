using ChatCoach.Discord.Interactions;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// Who may use the moderator commands, decided on our side from the interaction itself (Discord's
/// <c>default_member_permissions</c> only hides commands, and server admins can change it): a member of the
/// server with Manage Server (or Administrator), or with one of the configured moderator roles. Never in DMs.
/// </summary>
internal static class Moderators
{
    private const ulong Administrator = 1UL << 3;

    public static bool Allows(Interaction interaction, IReadOnlyCollection<string> moderatorRoleIds)
    {
        if (interaction.GuildId is null || interaction.Member is not { } member)
        {
            return false;
        }

        var permissions = ulong.TryParse(member.Permissions, out var bits) ? bits : 0;
        return (permissions & (Administrator | SlashCommands.ManageGuild)) != 0 || member.Roles.Any(moderatorRoleIds.Contains);
    }
}
