namespace ChatCoach.Discord.Emulator.Gateway;

/// <summary>Intent bits that matter to the emulator (PROTOCOL.md §1.7).</summary>
internal static class GatewayIntent
{
    public const long Guilds = 1;
    public const long GuildMembers = 1 << 1;
    public const long GuildPresences = 1 << 8;
    public const long GuildMessages = 1 << 9;
    public const long DirectMessages = 1 << 12;
    public const long MessageContent = 1 << 15;
    public const long Privileged = GuildMembers | GuildPresences | MessageContent;

    /// <summary>Bits beyond the highest defined intent (DIRECT_MESSAGE_POLLS, 1 &lt;&lt; 25).</summary>
    public const long Undefined = ~((1L << 26) - 1);
}
