namespace ChatCoach.Discord.Rest;

internal sealed record AllowedMentionsPayload
{
    public IReadOnlyList<string> Parse { get; } = [];
}
