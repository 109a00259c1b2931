using System.Security.Cryptography;
using System.Text.Json;
using ChatCoach.Core.Engine;
using ChatCoach.Discord.Interactions;

namespace ChatCoach.Discord.Coaching;

/// <summary>The slash commands ChatCoach registers, and a fingerprint that tells whether they changed.</summary>
internal static class SlashCommands
{
    /// <summary>Manage Server: who sees the moderator commands by default (checked again on every use).</summary>
    public const ulong ManageGuild = 1UL << 5;

    private const int Guild = 0;
    private const int BotDm = 1;
    private const int PrivateChannel = 2;
    private const int GuildInstall = 0;
    private const int UserInstall = 1;
    private const int SubCommand = 1;
    private const int StringOption = 3;
    private const int AttachmentOption = 11;

    public static readonly IReadOnlyDictionary<string, Command> UserCommands = new Dictionary<string, Command>(StringComparer.Ordinal)
    {
        ["plan"] = Command.Plan,
        ["start"] = Command.Start,
        ["help"] = Command.Help,
        ["back"] = Command.Back,
        ["forget"] = Command.Forget,
    };

    /// <summary>What every user has, in servers, in the bot's DM and in group DMs (answered privately there).</summary>
    public static IReadOnlyList<ApplicationCommandDefinition> ForUsers { get; } =
    [
        User("plan", "Your plan so far, and what is still missing"),
        User("start", "Start (or restart) your coaching conversation"),
        User("help", "What the current question means, the commands, the disclaimer"),
        User("back", "Change your last answer"),
        User("forget", "Erase everything ChatCoach has stored about you"),
        User("export", "Your answers and plan as files to keep or show an advisor"),
    ];

    /// <summary>The moderators' command, registered in the home server only.</summary>
    public static ApplicationCommandDefinition Dialogs { get; } = new()
    {
        Name = "dialogs",
        Description = "Moderators: check, change and roll back the dialog scripts",
        Contexts = [Guild],
        IntegrationTypes = [GuildInstall],
        DefaultMemberPermissions = ManageGuild,
        Options =
        [
            Sub("upload", "Check a script file and make it live", Option(AttachmentOption, "file", "The YAML script")),
            Sub("download", "The live file of a script", Option(StringOption, "id", "The script's id")),
            Sub("reload", "Reload the scripts from the dialogs folder"),
            Sub("status", "Live versions and sessions per version"),
            Sub("history", "The latest activations"),
            Sub("rollback", "Make an earlier version live again", Option(StringOption, "version", "A version hash or its first characters")),
        ],
    };

    /// <summary>A hash of the definitions and where they go; registration is skipped when it matches the last one.</summary>
    public static string Fingerprint(string scope, IReadOnlyList<ApplicationCommandDefinition> commands) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { scope, commands })));

    private static ApplicationCommandDefinition User(string name, string description) => new()
    {
        Name = name,
        Description = description,
        Contexts = [Guild, BotDm, PrivateChannel],
        IntegrationTypes = [GuildInstall, UserInstall],
    };

    private static ApplicationCommandOptionDefinition Sub(string name, string description, params ApplicationCommandOptionDefinition[] options) =>
        new() { Type = SubCommand, Name = name, Description = description, Options = options.Length == 0 ? null : options };

    private static ApplicationCommandOptionDefinition Option(int type, string name, string description) =>
        new() { Type = type, Name = name, Description = description, Required = true };
}
