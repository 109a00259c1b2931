using ChatCoach.Core.Engine;

using ChatCoach.Core.Outbox;

namespace ChatCoach.Core.Conversations;

/// <summary>
/// A platform event in neutral terms: who, what they did, and the platform's event id
/// (so an event delivered twice is handled once; null where the platform cannot redeliver, as in the terminal).
/// </summary>
/// <param name="Platform">The channel ("terminal", "discord").</param>
/// <param name="UserId">The user's id on that platform.</param>
/// <param name="Input">What the user did.</param>
/// <param name="EventId">The platform's event id, or null.</param>
/// <param name="Script">The script a new conversation starts on, when not the default one.</param>
public sealed record Inbound(string Platform, string UserId, Input Input, string? EventId = null, string? Script = null)
{
    /// <summary>
    /// Addresses the turn's replies as outbox rows, saved with the turn; null where replies are shown at once
    /// (the terminal).
    /// </summary>
    public IReplyComposer? Outbox { get; init; }
}
