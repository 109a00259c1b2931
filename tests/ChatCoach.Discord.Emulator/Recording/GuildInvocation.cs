namespace ChatCoach.Discord.Emulator;

/// <summary>Where and as whom a slash command is invoked in a guild.</summary>
/// <param name="GuildId">Guild id.</param>
/// <param name="ChannelId">Guild text channel; null uses the guild's emulated "general" channel.</param>
/// <param name="Permissions">The member's permissions in the channel (<c>member.permissions</c>), a decimal bitfield.</param>
/// <param name="RoleIds">The member's roles.</param>
/// <param name="CommandPermissionOverride">
/// Simulates a server admin granting this member a command despite its <c>default_member_permissions</c>;
/// without it the emulator refuses to invoke a command the member could not see.
/// </param>
public sealed record GuildInvocation(
    string GuildId,
    string? ChannelId = null,
    string Permissions = GuildInvocation.RegularMemberPermissions,
    IReadOnlyList<string>? RoleIds = null,
    bool CommandPermissionOverride = false)
{
    /// <summary>A regular member: no ADMINISTRATOR, MANAGE_GUILD or MANAGE_MESSAGES.</summary>
    public const string RegularMemberPermissions = "104324673";

    /// <summary>ADMINISTRATOR plus everything below bit 31.</summary>
    public const string AdministratorPermissions = "2147483647";
}
