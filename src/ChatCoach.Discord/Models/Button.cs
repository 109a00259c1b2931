namespace ChatCoach.Discord.Models;

/// <summary>A button (component type 2).</summary>
public sealed record Button : MessageComponent
{
    /// <summary>An interactive button whose clicks arrive as interactions carrying <paramref name="customId"/>.</summary>
    public Button(string customId, string label, ButtonStyle style = ButtonStyle.Primary)
    {
        if (style == ButtonStyle.Link || !Enum.IsDefined(style))
        {
            throw new ArgumentOutOfRangeException(nameof(style), "Use Button.ForLink for link buttons.");
        }

        CustomId = ComponentLimits.CustomId(customId, nameof(customId));
        Label = ComponentLimits.Text(label, 1, ComponentLimits.MaxButtonLabel, "Button label", nameof(label));
        Style = style;
    }

    private Button(string label, Uri url)
    {
        Label = ComponentLimits.Text(label, 1, ComponentLimits.MaxButtonLabel, "Button label", nameof(label));
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.OriginalString.Length > ComponentLimits.MaxUrl)
        {
            throw new ArgumentException($"Link URL must be absolute and at most {ComponentLimits.MaxUrl} characters.", nameof(url));
        }

        Url = url;
        Style = ButtonStyle.Link;
    }

    /// <summary>A link button; clicking it opens <paramref name="url"/> and sends no interaction.</summary>
    public static Button ForLink(string label, Uri url) => new(label, url);

    /// <summary>Colour/kind.</summary>
    public ButtonStyle Style { get; }

    /// <summary>Text on the button (≤ 80 characters).</summary>
    public string Label { get; }

    /// <summary>Developer id echoed back on click (1–100 characters); null for link buttons.</summary>
    public string? CustomId { get; }

    /// <summary>Target of a link button.</summary>
    public Uri? Url { get; }

    /// <summary>Greyed out and unclickable.</summary>
    public bool? Disabled { get; init; }
}
