using System.Text.Json;

namespace ChatCoach.Discord.Emulator;

/// <summary>How the bot created a message.</summary>
public enum MessageOrigin
{
    /// <summary><c>POST /channels/{id}/messages</c>.</summary>
    ChannelMessage,

    /// <summary>Interaction callback type 4 or 5 (the <c>@original</c> response).</summary>
    InteractionResponse,

    /// <summary><c>POST /webhooks/{app}/{token}</c>.</summary>
    FollowUp,
}

/// <summary>
/// A message the bot created, in the state after a given revision (0 = as created, +1 per edit).
/// </summary>
public sealed record EmulatedMessage
{
    /// <summary>Message id.</summary>
    public required string Id { get; init; }

    /// <summary>Channel id.</summary>
    public required string ChannelId { get; init; }

    /// <summary>Guild id, or null in DMs.</summary>
    public string? GuildId { get; init; }

    /// <summary>The DM recipient when the channel is a DM.</summary>
    public string? RecipientUserId { get; init; }

    /// <summary>Text content ("" when none).</summary>
    public required string Content { get; init; }

    /// <summary>Message flags (64 ephemeral, 128 loading, 32768 components v2).</summary>
    public int Flags { get; init; }

    /// <summary>The <c>embeds</c> array as stored.</summary>
    public required JsonElement Embeds { get; init; }

    /// <summary>The <c>components</c> array as stored (ids filled in as Discord does).</summary>
    public required JsonElement Components { get; init; }

    /// <summary>Files uploaded with the message or its edits.</summary>
    public IReadOnlyList<RecordedAttachment> Files { get; init; } = [];

    /// <summary>How it was created.</summary>
    public required MessageOrigin Origin { get; init; }

    /// <summary>Interaction it answers, for interaction responses and follow-ups.</summary>
    public string? InteractionId { get; init; }

    /// <summary>Message it replies to (<c>message_reference.message_id</c>).</summary>
    public string? ReferencedMessageId { get; init; }

    /// <summary>Creation time.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last edit time.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>0 as created, incremented by every edit.</summary>
    public int Revision { get; init; }

    /// <summary>Whether the bot deleted it.</summary>
    public bool Deleted { get; init; }

    /// <summary>The full message object as the API returns it.</summary>
    public required string Json { get; init; }

    /// <summary>Flag 64.</summary>
    public bool IsEphemeral => (Flags & 64) != 0;

    /// <summary>Flag 128: a deferred response still "thinking".</summary>
    public bool IsLoading => (Flags & 128) != 0;

    /// <summary>Every <c>custom_id</c> in the components, depth first.</summary>
    public IReadOnlyList<string> CustomIds()
    {
        var ids = new List<string>();
        Collect(Components, ids);
        return ids;

        static void Collect(JsonElement node, List<string> into)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in node.EnumerateArray())
                    {
                        Collect(item, into);
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in node.EnumerateObject())
                    {
                        if (property.NameEquals("custom_id") && property.Value.ValueKind == JsonValueKind.String)
                        {
                            into.Add(property.Value.GetString()!);
                        }
                        else
                        {
                            Collect(property.Value, into);
                        }
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
