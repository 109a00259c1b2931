namespace ChatCoach.Discord.Emulator;

/// <summary>An interaction the emulator dispatched and what the bot did with it.</summary>
public sealed record EmulatedInteraction
{
    /// <summary>Interaction id.</summary>
    public required string Id { get; init; }

    /// <summary>Interaction token (emulator-made, not a secret).</summary>
    public required string Token { get; init; }

    /// <summary>2 command, 3 component, 5 modal submit.</summary>
    public required int Type { get; init; }

    /// <summary>Invoking user.</summary>
    public required string UserId { get; init; }

    /// <summary>Channel it happened in.</summary>
    public required string ChannelId { get; init; }

    /// <summary>Guild, or null in DMs.</summary>
    public string? GuildId { get; init; }

    /// <summary>Where it was used: 0 a guild, 1 the bot's DM, 2 a group DM or another DM (PROTOCOL.md §3.1).</summary>
    public int Context { get; init; }

    /// <summary>The channel's type: 0 guild text, 1 the bot's DM, 3 a group DM.</summary>
    public int ChannelType { get; init; }

    /// <summary>Command name (type 2) or custom_id (types 3 and 5).</summary>
    public required string Name { get; init; }

    /// <summary>When it was dispatched; the callback deadline counts from here.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Accepted initial callback type (4, 5, 6, 7, 8, 9), or null.</summary>
    public int? CallbackType { get; init; }

    /// <summary>When the accepted callback arrived.</summary>
    public DateTimeOffset? CallbackAt { get; init; }

    /// <summary>Message that <c>@original</c> refers to, if any.</summary>
    public string? ResponseMessageId { get; init; }

    /// <summary>Callbacks rejected with 10062 (too late) or 40060 (already acknowledged).</summary>
    public int RejectedCallbacks { get; init; }

    /// <summary>The modal opened by a type 9 callback, as sent (<c>data</c>), or null.</summary>
    public string? ModalJson { get; init; }
}
