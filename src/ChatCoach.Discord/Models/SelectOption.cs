namespace ChatCoach.Discord.Models;

/// <summary>One choice of a <see cref="StringSelect"/>.</summary>
public sealed record SelectOption
{
    /// <summary>Creates an option showing <paramref name="label"/> and reporting <paramref name="value"/> when chosen.</summary>
    public SelectOption(string label, string value)
    {
        Label = ComponentLimits.Text(label, 1, ComponentLimits.MaxOptionText, "Select option label", nameof(label));
        Value = ComponentLimits.Text(value, 1, ComponentLimits.MaxOptionText, "Select option value", nameof(value));
    }

    /// <summary>Text the user sees (≤ 100).</summary>
    public string Label { get; }

    /// <summary>Value reported in the interaction (≤ 100).</summary>
    public string Value { get; }

    /// <summary>Secondary text (≤ 100).</summary>
    public string? Description
    {
        get;
        init => field = value is null ? null : ComponentLimits.Text(value, 0, ComponentLimits.MaxOptionText, "Select option description", nameof(Description));
    }

    /// <summary>Pre-selected.</summary>
    public bool? Default { get; init; }
}
