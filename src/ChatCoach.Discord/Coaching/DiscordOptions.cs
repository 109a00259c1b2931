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

    /// <summary>This process's shard. Direct messages arrive on shard 0.</summary>
    public int ShardId { get; set; }

    /// <summary>How many shards the bot runs.</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>Messages one user may send in 10 seconds before the extra ones are not coached.</summary>
    public int UserMessagesPer10s { get; set; } = 10;

    /// <summary>Register the slash commands in this one server (fast to iterate) instead of globally.</summary>
    public string? CommandGuildId { get; set; }

    /// <summary>Roles whose members are moderators, besides members with Manage Server.</summary>
    public string[] ModeratorRoleIds { get; set; } = [];

    /// <summary>How long a slash command may work before it is deferred ("thinking…") and answered by a follow-up.</summary>
    public int DeferAfterMilliseconds { get; set; } = 1500;

    /// <summary>Whether a token is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Token);

    /// <summary>Every invalid setting as "key: reason" (the token's value is never part of a reason).</summary>
    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"{Section}:ApiBaseUrl: must be an absolute http(s) URL such as {DiscordClientOptions.DefaultApiBaseUrl}";
        }

        if (ShardCount < 1)
        {
            yield return $"{Section}:ShardCount: must be 1 or more";
        }

        if (ShardId < 0 || ShardId >= Math.Max(ShardCount, 1))
        {
            yield return $"{Section}:ShardId: must be from 0 to ShardCount - 1";
        }

        if (UserMessagesPer10s < 1)
        {
            yield return $"{Section}:UserMessagesPer10s: must be 1 or more";
        }

        if (CommandGuildId is { Length: > 0 } guild && !ulong.TryParse(guild, out _))
        {
            yield return $"{Section}:CommandGuildId: must be a server id (a number), or empty for global commands";
        }

        if (ModeratorRoleIds.Any(id => !ulong.TryParse(id, out _)))
        {
            yield return $"{Section}:ModeratorRoleIds: every entry must be a role id (a number)";
        }

        if (DeferAfterMilliseconds is < 0 or > 2500)
        {
            yield return $"{Section}:DeferAfterMilliseconds: must be from 0 to 2500 (Discord wants an answer within 3 s)";
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
        ShardId = ShardId,
        ShardCount = ShardCount,
    };
}
