
namespace ChatCoach.Core.Scripts;

/// <summary>One way out of a node: go to <paramref name="Target"/> when <paramref name="When"/> holds (always, when null).</summary>
public sealed record Branch(Condition? When, string Target, SourcePosition Position);
