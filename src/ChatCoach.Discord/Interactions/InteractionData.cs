using System.Text.Json;
using System.Text.Json.Serialization;
using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Interactions;

/// <summary>
/// The <c>data</c> of an interaction; command fields and component fields share one record
/// because Discord distinguishes them only by the interaction type.
/// </summary>
public sealed record InteractionData
{
    /// <summary>Command id (commands) or numeric component id (component clicks), as text.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    /// <summary>Command name (commands).</summary>
    public string? Name { get; init; }

    /// <summary>Command type (commands): 1 chat input, 2 user, 3 message.</summary>
    public int? Type { get; init; }

    /// <summary>Options the user filled in (commands).</summary>
    public IReadOnlyList<InteractionOption>? Options { get; init; }

    /// <summary>The <c>custom_id</c> of the clicked component or submitted modal.</summary>
    public string? CustomId { get; init; }

    /// <summary>Component type (2 button, 3 string select…).</summary>
    public int? ComponentType { get; init; }

    /// <summary>Selected values of a select menu.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Resolved users, members, roles… for id-valued options, left raw.</summary>
    public JsonElement? Resolved { get; init; }

    /// <summary>Submitted modal components, left raw.</summary>
    public JsonElement? Components { get; init; }
}
