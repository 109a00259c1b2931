namespace ChatCoach.Discord.Interactions;

/// <summary>An option (or sub-command) of a registered command.</summary>
public sealed record ApplicationCommandOptionDefinition
{
    /// <summary>1 sub-command, 2 group, 3 string, 4 integer, 5 boolean, 6 user, 7 channel, 8 role, 9 mentionable, 10 number, 11 attachment.</summary>
    public required int Type { get; init; }

    /// <summary>1–32 characters, lowercase.</summary>
    public required string Name { get; init; }

    /// <summary>1–100 characters.</summary>
    public required string Description { get; init; }

    /// <summary>Whether the user must fill it in.</summary>
    public bool? Required { get; init; }

    /// <summary>Fixed choices (≤ 25) for string, integer and number options.</summary>
    public IReadOnlyList<ApplicationCommandChoice>? Choices { get; init; }

    /// <summary>Nested options of a sub-command or group.</summary>
    public IReadOnlyList<ApplicationCommandOptionDefinition>? Options { get; init; }

    /// <summary>Minimum length of a string option.</summary>
    public int? MinLength { get; init; }

    /// <summary>Maximum length of a string option.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Ask the bot for suggestions while typing.</summary>
    public bool? Autocomplete { get; init; }
}
