namespace ChatCoach.Cli;

/// <summary>
/// What the command line asked for. <see cref="Verb"/> is the command path after <c>chatcoach</c> ("run" when none
/// is given, "chat", "dialogs validate", ...); <see cref="Target"/> is a verb's positional argument (a path or an id).
/// </summary>
internal sealed record Invocation(string Verb, IReadOnlyList<string> ConfigurationArgs)
{
    public string? User { get; init; }

    public string? Database { get; init; }

    public string? Script { get; init; }

    public string? Target { get; init; }

    public bool Why { get; init; }
}
