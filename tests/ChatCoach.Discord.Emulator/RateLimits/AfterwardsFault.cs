namespace ChatCoach.Discord.Emulator.RateLimits;

/// <summary>What goes wrong after a request was processed: its effect stands, but the client never learns it.</summary>
public enum AfterwardsFault
{
    /// <summary>The answer is a 500 instead of the real one.</summary>
    ServerError,

    /// <summary>The connection drops before any answer.</summary>
    ConnectionDrop,
}
