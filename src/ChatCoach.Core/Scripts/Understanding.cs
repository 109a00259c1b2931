namespace ChatCoach.Core.Scripts;

/// <summary>
/// How a script treats answers it cannot use (its <c>understanding:</c> section). Both are off when the section is
/// absent: the question is then asked again until it is answered or, after three tries, skipped.
/// </summary>
/// <param name="UnknownWords">Whole messages that mean "I don't know" at every question ("not sure", "skip"); empty: off.</param>
/// <param name="MoveOnAfter">Unreadable answers in a row after which the bot moves on by itself; 0: never.</param>
public sealed record Understanding(IReadOnlyList<string> UnknownWords, int MoveOnAfter)
{
    /// <summary>Neither: unknown words are read like any answer and questions are asked until answered.</summary>
    public static Understanding Off { get; } = new([], 0);

    /// <summary>Whether "not sure" and the like are taken as an explicit unknown.</summary>
    public bool AcceptsUnknown => UnknownWords.Count > 0;
}
