namespace ChatCoach.Discord.Emulator.Gateway;

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
