namespace ChatCoach.Discord.Interactions;

/// <summary>A command as Discord returns it after registration.</summary>
public sealed record ApplicationCommand
{
    /// <summary>Command id.</summary>
    public required string Id { get; init; }

    /// <summary>Owning application.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>Set for guild commands.</summary>
    public string? GuildId { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Command type.</summary>
    public int Type { get; init; } = 1;
}
