namespace ChatCoach.Core.Safety;

/// <summary>The safety question the bot asked last, so an answer to it (even "ok") can be read.</summary>
public enum SafetyQuestion
{
    /// <summary>No safety question is waiting for an answer.</summary>
    None,

    /// <summary>"Are you safe right now?", asked with the crisis reply.</summary>
    AreYouSafe,

    /// <summary>"Are you thinking of harming yourself?", asked with the concern reply.</summary>
    HarmingYourself,
}
