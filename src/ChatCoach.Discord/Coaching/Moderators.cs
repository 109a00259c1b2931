using ChatCoach.Discord.Interactions;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// Who may change what every user is told, decided on our side from the interaction itself (Discord's
/// <c>default_member_permissions</c> only hides commands, and server admins can change it): a member of the operator's
/// home server (<see cref="DiscordOptions.HomeGuildId"/>) with Manage Server (or Administrator) there, or with one of
/// the configured moderator roles. Owning some other server the bot was added to counts for nothing.
/// </summary>
internal static class Moderators
{
    private const ulong Administrator = 1UL << 3;

    /// <summary>Null when allowed, else why not (for the audit log).</summary>
    public static string? Refusal(Interaction interaction, DiscordOptions options)
    {
        if (options.Home is not { } home)
        {
            return "no home server is configured: /dialogs is off";
        }

        if (interaction.GuildId != home || interaction.Member is not { } member)
        {
            return "not in the home server";
        }

        var permissions = ulong.TryParse(member.Permissions, out var bits) ? bits : 0;
        return (permissions & (Administrator | SlashCommands.ManageGuild)) != 0 || member.Roles.Any(options.ModeratorRoleIds.Contains)
            ? null
            : "not a moderator of the home server";
    }
}
