namespace ChatCoach.Discord.Emulator.Gateway;

/// <summary>Gateway opcodes (PROTOCOL.md §1.4).</summary>
internal static class GatewayOpcode
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int PresenceUpdate = 3;
    public const int VoiceStateUpdate = 4;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int RequestGuildMembers = 8;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
    public const int RequestSoundboardSounds = 31;
    public const int RequestChannelInfo = 43;

    /// <summary>Opcodes a client may send.</summary>
    public static bool IsClientOpcode(int op) => op is Heartbeat or Identify or PresenceUpdate or VoiceStateUpdate or Resume
        or RequestGuildMembers or RequestSoundboardSounds or RequestChannelInfo;
}

/// <summary>Gateway close codes (PROTOCOL.md §1.10).</summary>
internal static class GatewayCloseCode
{
    public const int UnknownError = 4000;
    public const int UnknownOpcode = 4001;
    public const int DecodeError = 4002;
    public const int NotAuthenticated = 4003;
    public const int AuthenticationFailed = 4004;
    public const int AlreadyAuthenticated = 4005;
    public const int InvalidSeq = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>Codes after which the session cannot be resumed.</summary>
    public static bool EndsSession(int code) => code is NotAuthenticated or AuthenticationFailed or InvalidSeq or SessionTimedOut
        or InvalidShard or ShardingRequired or InvalidApiVersion or InvalidIntents or DisallowedIntents;
}

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
