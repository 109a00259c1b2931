namespace ChatCoach.Core.Safety;

/// <summary>How much risk a message shows, lowest first, so levels compare with &lt; and &gt;.</summary>
public enum SafetyLevel
{
    /// <summary>No sign of distress or risk.</summary>
    None,

    /// <summary>Sad, anxious or devastated, with no sign of risk: acknowledged, then the question is asked again.</summary>
    Distress,

    /// <summary>Hopelessness without a stated intent: the bot asks directly whether they are thinking of harming themselves.</summary>
    Concern,

    /// <summary>Intent, plan, means, self-harm or wanting to die: coaching pauses with the safety reply.</summary>
    Crisis,
}
