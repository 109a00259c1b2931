namespace ChatCoach.Discord.Rest;

// Discord's error body: {code, message, errors?}; 429 bodies carry retry_after and global instead.
internal sealed record ErrorBody
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }
}
