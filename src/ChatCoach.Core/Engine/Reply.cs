using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Engine;

/// <summary>One message from the bot. Channels decide how to show choices and confirmations (numbers, buttons).</summary>
public sealed record Reply(string Text)
{
    /// <summary>The choices of the question this reply asks, if any.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>The question this reply asks, so a click can name it.</summary>
    public string? Node { get; init; }

    /// <summary>The turn at which the question was asked, so a late click can be told apart.</summary>
    public int Turn { get; init; }

    /// <summary>The command this reply asks the user to confirm, if any.</summary>
    public Command? Confirms { get; init; }

    /// <summary>The reply as plain text: the text, then its choices numbered (how the terminal shows it).</summary>
    public string ToPlainText() =>
        Choices.Count == 0 ? Text : Text + string.Concat(Choices.Select((c, i) => $"\n  {i + 1}. {c.Label}"));
}
