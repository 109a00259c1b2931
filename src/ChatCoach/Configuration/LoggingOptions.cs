namespace ChatCoach.Configuration;

/// <summary>How logs are written (<c>ChatCoach:Logging</c>). Levels stay under the standard <c>Logging</c> section.</summary>
internal sealed class LoggingOptions
{
    public const string Section = "ChatCoach:Logging";

    /// <summary><c>text</c> (default) for people, <c>json</c> (one object a line) for log collectors.</summary>
    public string Format { get; set; } = "text";

    public bool Json => string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Problems()
    {
        if (!Json && !string.Equals(Format, "text", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{Section}:Format: '{Format}' is not a log format; use text or json";
        }
    }
}
