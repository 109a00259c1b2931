namespace ChatCoach.Discord.Interactions;

/// <summary>A command as registered with a bulk overwrite (serialised as-is).</summary>
public sealed record ApplicationCommandDefinition
{
    /// <summary>1–32 characters; lowercase for chat-input commands.</summary>
    public required string Name { get; init; }

    /// <summary>1–100 characters for chat-input commands, empty for user/message commands.</summary>
    public string Description { get; init; } = "";

    /// <summary>1 chat input (slash), 2 user, 3 message.</summary>
    public int Type { get; init; } = 1;

    /// <summary>Options (≤ 25).</summary>
    public IReadOnlyList<ApplicationCommandOptionDefinition>? Options { get; init; }

    /// <summary>
    /// Permission bits a member needs; 0 = administrators only, null = everyone. Sent as a JSON number
    /// because the OpenAPI spec types it as an integer (Discord also accepts the documented string form).
    /// </summary>
    public ulong? DefaultMemberPermissions { get; init; }

    /// <summary>Where usable: 0 guild, 1 bot DM, 2 private channel.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>Install types: 0 guild, 1 user.</summary>
    public IReadOnlyList<int>? IntegrationTypes { get; init; }
}
