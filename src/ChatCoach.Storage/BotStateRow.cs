namespace ChatCoach.Storage;

/// <summary>One remembered fact of the bot's own (never about a user).</summary>
internal sealed class BotStateRow
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}
