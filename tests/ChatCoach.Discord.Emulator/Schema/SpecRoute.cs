namespace ChatCoach.Discord.Emulator.Schema;

/// <summary>One operation of a spec path.</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="AllowsAnonymous">The operation's security list contains <c>{}</c> (interaction callbacks, webhook tokens).</param>
/// <param name="HasJsonBody">The operation declares an <c>application/json</c> request body.</param>
internal sealed record SpecOperation(string Method, bool AllowsAnonymous, bool HasJsonBody);

/// <summary>A path template of the spec, e.g. <c>/channels/{channel_id}/messages</c>.</summary>
internal sealed record SpecRoute(string Template, IReadOnlyList<string> Segments, IReadOnlyDictionary<string, SpecOperation> Operations)
{
    public int LiteralCount { get; } = Segments.Count(s => !s.StartsWith('{'));
}
