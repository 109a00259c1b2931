namespace ChatCoach.Discord.Gateway;

// PROTOCOL.md §1.10: which close codes are fatal, which need a new session, which allow a resume.
internal static class GatewayCloseCodes
{
    public static ConnectionOutcome Classify(int? code)
    {
        return code switch
        {
            4004 => Fatal(code, "authentication failed: Discord rejected the bot token"),
            4010 => Fatal(code, "invalid shard: ShardId/ShardCount are not valid for this bot"),
            4011 => Fatal(code, "sharding required: the bot is in too many guilds for ShardCount; raise it"),
            4012 => Fatal(code, "invalid API version"),
            4013 => Fatal(code, "invalid intents: the Intents bitfield is malformed"),
            4014 => Fatal(code, "disallowed intents: a privileged intent is not enabled for this bot in the Developer Portal"),
            4003 or 4007 or 4009 => new(NextStep.Identify, ReconnectDelay.Backoff, $"closed with {code}: session is gone, identifying anew", code),

            // 1000/1001 from the server are undocumented; a resume attempt is cheap and op 9 tells us if it fails.
            null => new(NextStep.Resume, ReconnectDelay.Backoff, "connection dropped without a close code", code),
            _ => new(NextStep.Resume, ReconnectDelay.Backoff, $"closed with {code}", code),
        };
    }

    public static bool IsFatal(int? code) => Classify(code).Next == NextStep.Fatal;

    private static ConnectionOutcome Fatal(int? code, string what) =>
        new(NextStep.Fatal, ReconnectDelay.None, $"Discord closed the gateway with {code} ({what}). Reconnecting cannot fix this; stopping.", code);
}
