namespace ChatCoach.Discord.Models;

/// <summary>A row holding up to five buttons or exactly one select (component type 1).</summary>
public sealed record ActionRow : MessageComponent
{
    /// <summary>Creates a row of buttons or a row with one select.</summary>
    public ActionRow(params IEnumerable<MessageComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var list = components.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("An action row needs at least one component.", nameof(components));
        }

        if (list.Any(c => c is ActionRow))
        {
            throw new ArgumentException("Action rows cannot be nested.", nameof(components));
        }

        var selects = list.Count(c => c is StringSelect);
        if (selects > 0 && list.Length > 1)
        {
            throw new ArgumentException("A select must be the only component in its action row.", nameof(components));
        }

        if (list.Length > ComponentLimits.MaxButtonsPerRow)
        {
            throw new ArgumentException($"An action row holds at most {ComponentLimits.MaxButtonsPerRow} buttons (was {list.Length}).", nameof(components));
        }

        var ids = list.OfType<Button>().Select(b => b.CustomId).OfType<string>().ToArray();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            throw new ArgumentException("custom_id values must be unique within a message.", nameof(components));
        }

        Components = list;
    }

    /// <summary>The buttons, or the single select.</summary>
    public IReadOnlyList<MessageComponent> Components { get; }
}
