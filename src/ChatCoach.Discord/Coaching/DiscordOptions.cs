namespace ChatCoach.Discord.Coaching;

/// <summary>How ChatCoach connects to Discord (<c>ChatCoach:Discord</c>). With no token the bot runs in the terminal.</summary>
public sealed class DiscordOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChatCoach:Discord";

    /// <summary>The bot token from the developer portal. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>The REST base URL; pointing it at a local server runs the whole bot against that server.</summary>
    public string ApiBaseUrl { get; set; } = DiscordClientOptions.DefaultApiBaseUrl;

    /// <summary>
    /// This process's shard (direct messages arrive on shard 0). Under shard leases (several replicas on PostgreSQL)
    /// it pins the replica to this one shard; unset, the replica takes any free shard. Without leases unset means 0.
    /// </summary>
    public int? ShardId { get; set; }

    /// <summary>
    /// With several replicas on PostgreSQL, how long after the replica holding a shard dies another one takes the shard
    /// over (resuming its gateway session). 0: no leases, every replica connects its own <see cref="ShardId"/>.
    /// </summary>
    public int ShardLeaseSeconds { get; set; } = 30;

    /// <summary>How many shards the bot runs.</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>Messages one user may send in 10 seconds before the extra ones are not coached.</summary>
    public int UserMessagesPer10s { get; set; } = 10;

    /// <summary>Register the slash commands in this one server (fast to iterate) instead of globally.</summary>
    public string? CommandGuildId { get; set; }

    /// <summary>
    /// The operator's own server: the only one where <c>/dialogs</c> is registered and obeyed. Unset: no <c>/dialogs</c>
    /// at all (moderators use the command-line tools).
    /// </summary>
    public string? HomeGuildId { get; set; }

    /// <summary>Invalid requests (401, 403, 429) in a sliding 10 minutes at which a warning is logged.</summary>
    public int InvalidRequestWarn { get; set; } = 5000;

    /// <summary>Invalid requests in a sliding 10 minutes at which every send but interaction responses pauses.</summary>
    public int InvalidRequestPause { get; set; } = 8000;

    /// <summary>Roles whose members are moderators of the home server, besides its members with Manage Server.</summary>
    public string[] ModeratorRoleIds { get; set; } = [];

    /// <summary>How long a slash command may work before it is deferred ("thinking…") and answered by a follow-up.</summary>
    public int DeferAfterMilliseconds { get; set; } = 1500;

    /// <summary>
    /// The application's public key (hex, the developer portal's "Public Key"): HTTP interactions must be signed with
    /// it. Without it, <c>POST /interactions</c> is not served.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>Whether a token is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Token);

    /// <summary>Every invalid setting as "key: reason" (the token's value is never part of a reason).</summary>
    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"{Section}:ApiBaseUrl: must be an absolute http(s) URL such as {DiscordClientOptions.DefaultApiBaseUrl}";
        }
        else if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            // The token travels in every request's header: plain http only to this machine (a local emulator).
            yield return $"{Section}:ApiBaseUrl: must be https unless its host is loopback (127.0.0.1, ::1, localhost)";
        }

        if (ShardCount < 1)
        {
            yield return $"{Section}:ShardCount: must be 1 or more";
        }

        if (ShardId is < 0 || ShardId >= Math.Max(ShardCount, 1))
        {
            yield return $"{Section}:ShardId: must be from 0 to ShardCount - 1";
        }

        if (ShardLeaseSeconds is < 0 or > 3600)
        {
            yield return $"{Section}:ShardLeaseSeconds: must be from 0 (no leases) to 3600";
        }

        if (UserMessagesPer10s < 1)
        {
            yield return $"{Section}:UserMessagesPer10s: must be 1 or more";
        }

        if (CommandGuildId is { Length: > 0 } guild && !ulong.TryParse(guild, out _))
        {
            yield return $"{Section}:CommandGuildId: must be a server id (a number), or empty for global commands";
        }

        if (HomeGuildId is { Length: > 0 } home && !ulong.TryParse(home, out _))
        {
            yield return $"{Section}:HomeGuildId: must be a server id (a number), or empty for no /dialogs";
        }

        if (InvalidRequestWarn < 1 || InvalidRequestPause <= InvalidRequestWarn || InvalidRequestPause >= 10_000)
        {
            yield return $"{Section}:InvalidRequestWarn / InvalidRequestPause: need 1 <= warn < pause < 10000 (Discord's ban threshold)";
        }

        if (ModeratorRoleIds.Any(id => !ulong.TryParse(id, out _)))
        {
            yield return $"{Section}:ModeratorRoleIds: every entry must be a role id (a number)";
        }

        if (DeferAfterMilliseconds is < 0 or > 2500)
        {
            yield return $"{Section}:DeferAfterMilliseconds: must be from 0 to 2500 (Discord wants an answer within 3 s)";
        }

        if (PublicKey is { Length: > 0 } key && (key.Length != 64 || !key.All(char.IsAsciiHexDigit)))
        {
            yield return $"{Section}:PublicKey: must be the application's public key, 64 hex digits, as the developer portal shows it";
        }

        if (Token is { } token && (token.Trim().Length != token.Length || token.StartsWith("Bot ", StringComparison.Ordinal)))
        {
            yield return $"{Section}:Token: give the token alone, without spaces or a 'Bot ' prefix";
        }
    }

    /// <summary>The client settings these options stand for.</summary>
    public DiscordClientOptions ToClientOptions() => new()
    {
        Token = Token ?? string.Empty,
        ApiBaseUrl = new Uri(ApiBaseUrl),
        ShardId = ShardId ?? 0,
        ShardCount = ShardCount,
        InvalidRequestWarn = InvalidRequestWarn,
        InvalidRequestPause = InvalidRequestPause,
    };

    /// <summary>The home server's id, or null when <c>/dialogs</c> is off.</summary>
    public string? Home => HomeGuildId is { Length: > 0 } home ? home : null;
}
