using System.Text.Json;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;

namespace ChatCoach.Discord.Outbox;

/// <summary>
/// An outbox row's body: the message as Discord's JSON (serialised when the turn is saved, so a retry sends the same
/// bytes and the same nonce) and its files.
/// </summary>
internal sealed record StoredPayload(JsonElement Payload, IReadOnlyList<StoredFile>? Files)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The row body for <paramref name="message"/> sent to <paramref name="address"/>.</summary>
    public static string Serialize(ReplyAddress address, OutgoingMessage message)
    {
        var payload = address.Kind switch
        {
            ReplyKind.Dm => MessagePayload.ForChannel(message, Nonce()),
            ReplyKind.Edit => MessagePayload.ForEdit(message),
            _ => MessagePayload.ForInteraction(message),
        };
        var stored = new StoredPayload(
            JsonSerializer.SerializeToElement(payload, DiscordJson.Options),
            message.Files?.Select(f => new StoredFile(f.FileName, f.ContentType, f.Content.ToArray())).ToList());
        return JsonSerializer.Serialize(stored, Options);
    }

    /// <summary>A payload built here rather than from a message (a deferral's flags).</summary>
    public static StoredPayload Of(System.Text.Json.Nodes.JsonObject json) => new(JsonSerializer.SerializeToElement(json), null);

    public static StoredPayload Deserialize(string body) =>
        JsonSerializer.Deserialize<StoredPayload>(body, Options) ?? throw new JsonException("an empty outbox row");

    public byte[] Json => JsonSerializer.SerializeToUtf8Bytes(Payload, DiscordJson.Options);

    public IReadOnlyList<DiscordFile>? DiscordFiles => Files?.Select(f => new DiscordFile(f.Name, f.Data) { ContentType = f.ContentType }).ToList();

    /// <summary>Discord deduplicates a channel message by nonce for a few minutes; 25 characters at most.</summary>
    private static string Nonce() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
}

/// <summary>A file of a stored reply.</summary>
internal sealed record StoredFile(string Name, string? ContentType, byte[] Data);
