using System.Text.Json;

namespace ChatCoach.Discord.Interactions;

/// <summary>One option the user filled in for a command (or a sub-command holding nested options).</summary>
public sealed record InteractionOption
{
    /// <summary>Option name.</summary>
    public required string Name { get; init; }

    /// <summary>Option type (1 sub-command, 2 group, 3 string, 4 integer, 5 boolean, 6 user…).</summary>
    public int Type { get; init; }

    /// <summary>The value: a string, number or boolean depending on <see cref="Type"/>.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Nested options of a sub-command or group.</summary>
    public IReadOnlyList<InteractionOption>? Options { get; init; }

    /// <summary>True on the option being typed during autocomplete.</summary>
    public bool? Focused { get; init; }
}
