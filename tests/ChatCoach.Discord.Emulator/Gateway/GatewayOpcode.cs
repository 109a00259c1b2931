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
