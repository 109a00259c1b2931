namespace ChatCoach.Discord.Models;

/// <summary>A drop-down of text options (component type 3); it must be alone in its action row.</summary>
public sealed record StringSelect : MessageComponent
{
    /// <summary>Creates a select with 1–25 options.</summary>
    public StringSelect(string customId, IEnumerable<SelectOption> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CustomId = ComponentLimits.CustomId(customId, nameof(customId));
        var list = options.ToArray();
        if (list.Length is < 1 or > ComponentLimits.MaxSelectOptions)
        {
            throw new ArgumentException($"A select needs 1–{ComponentLimits.MaxSelectOptions} options (was {list.Length}).", nameof(options));
        }

        if (list.Select(o => o.Value).Distinct(StringComparer.Ordinal).Count() != list.Length)
        {
            throw new ArgumentException("Select option values must be unique.", nameof(options));
        }

        Options = list;
    }

    /// <summary>Developer id echoed back on selection.</summary>
    public string CustomId { get; }

    /// <summary>The choices.</summary>
    public IReadOnlyList<SelectOption> Options { get; }

    /// <summary>Hint shown when nothing is selected (≤ 150).</summary>
    public string? Placeholder
    {
        get;
        init => field = value is null ? null : ComponentLimits.Text(value, 0, ComponentLimits.MaxPlaceholder, "Placeholder", nameof(Placeholder));
    }

    /// <summary>Minimum number of choices (0–25, default 1).</summary>
    public int? MinValues
    {
        get;
        init => field = value is null or (>= 0 and <= ComponentLimits.MaxSelectOptions) ? value : throw new ArgumentOutOfRangeException(nameof(MinValues));
    }

    /// <summary>Maximum number of choices (1–25, default 1).</summary>
    public int? MaxValues
    {
        get;
        init => field = value is null or (>= 1 and <= ComponentLimits.MaxSelectOptions) ? value : throw new ArgumentOutOfRangeException(nameof(MaxValues));
    }

    /// <summary>Greyed out.</summary>
    public bool? Disabled { get; init; }
}
