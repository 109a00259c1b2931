namespace ChatCoach.Core.Engine;

/// <summary>What the user did, in platform-neutral terms.</summary>
public sealed record Input
{
    private Input(InputKind kind) => Kind = kind;

    /// <summary>What kind of input this is.</summary>
    public InputKind Kind { get; }

    /// <summary>The message, for <see cref="InputKind.Message"/>.</summary>
    public string? Text { get; private init; }

    /// <summary>The command, for <see cref="InputKind.Command"/> and <see cref="InputKind.Confirm"/>.</summary>
    public Command Command { get; private init; }

    /// <summary>For a click: the question it answers.</summary>
    public string? Node { get; private init; }

    /// <summary>For a click: the turn at which the question was asked.</summary>
    public int Turn { get; private init; }

    /// <summary>For a click: the chosen choice id.</summary>
    public string? ChoiceId { get; private init; }

    /// <summary>For a confirmation: whether the user confirmed.</summary>
    public bool Confirmed { get; private init; }

    /// <summary>The user arrives (the terminal opens, a channel starts the conversation).</summary>
    public static Input Open() => new(InputKind.Open);

    /// <summary>A typed message.</summary>
    public static Input Message(string text) => new(InputKind.Message) { Text = text ?? throw new ArgumentNullException(nameof(text)) };

    /// <summary>A click on a choice of the question <paramref name="node"/> asked at <paramref name="turn"/>.</summary>
    public static Input Click(string node, int turn, string choiceId) =>
        new(InputKind.Click) { Node = node, Turn = turn, ChoiceId = choiceId };

    /// <summary>A command (a slash command, or a command typed in the terminal).</summary>
    public static Input Run(Command command) => new(InputKind.Command) { Command = command };

    /// <summary>The answer to a confirmation the bot asked for.</summary>
    public static Input Confirm(Command command, bool confirmed) => new(InputKind.Confirm) { Command = command, Confirmed = confirmed };
}

/// <summary>The kinds of <see cref="Input"/>.</summary>
public enum InputKind
{
    /// <summary>The user arrives.</summary>
    Open,

    /// <summary>A typed message.</summary>
    Message,

    /// <summary>A click on a choice.</summary>
    Click,

    /// <summary>A command.</summary>
    Command,

    /// <summary>The answer to a confirmation.</summary>
    Confirm,
}
