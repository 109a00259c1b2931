namespace ChatCoach.Core.Conversations;

/// <summary>What is kept of what users say (<c>ChatCoach:Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChatCoach:Privacy";

    /// <summary>Keep the raw messages of each turn. Off by default: only the values read from answers are stored.</summary>
    public bool StoreTranscripts { get; set; }
}
