namespace ChatCoach.Core.Scripts;

/// <summary>One option of a choice question: its stored id, the label shown, and other words people use for it.</summary>
public sealed record Choice(string Id, string Label, IReadOnlyList<string> Synonyms);
