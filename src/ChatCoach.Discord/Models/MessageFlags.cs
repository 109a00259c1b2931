using System.Diagnostics.CodeAnalysis;

namespace ChatCoach.Discord.Models;

/// <summary>Message flag bits ChatCoach sends or reads (PROTOCOL.md §6.6).</summary>
[Flags]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Discord calls the field flags.")]
public enum MessageFlags
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary>Do not render link embeds.</summary>
    SuppressEmbeds = 1 << 2,

    /// <summary>Only the invoking user sees the message (interaction responses only).</summary>
    Ephemeral = 1 << 6,

    /// <summary>Deferred interaction response still "thinking".</summary>
    Loading = 1 << 7,

    /// <summary>Deliver without a push notification.</summary>
    SuppressNotifications = 1 << 12,
}
