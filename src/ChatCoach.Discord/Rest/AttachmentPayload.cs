namespace ChatCoach.Discord.Rest;

internal sealed record AttachmentPayload(string Id, string Filename)
{
    public string? Description { get; init; }
}
