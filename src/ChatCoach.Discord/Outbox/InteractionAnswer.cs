using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCoach.Core.Outbox;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;

namespace ChatCoach.Discord.Outbox;

/// <summary>
/// What to answer an interaction with, whatever the transport: the gateway posts it to the callback route, an HTTP
/// interactions endpoint writes it as its response. Then call <see cref="DeliveredAsync"/>.
/// </summary>
internal sealed class InteractionAnswer
{
    private readonly Func<bool, CancellationToken, Task> _delivered;

    private InteractionAnswer(InteractionResponseType type, StoredPayload? data, OutboxReply? row, Func<bool, CancellationToken, Task>? delivered)
    {
        Type = type;
        Data = data;
        Row = row;
        _delivered = delivered ?? ((_, _) => Task.CompletedTask);
    }

    /// <summary>The callback type (4 reply, 5 deferral, 6 deferred update…).</summary>
    public InteractionResponseType Type { get; }

    /// <summary>The callback's <c>data</c> as Discord's JSON, or null.</summary>
    public JsonElement? DataJson => Data?.Payload;

    /// <summary>Files to send with the answer (multipart), if any.</summary>
    public IReadOnlyList<DiscordFile>? Files => Data?.DiscordFiles;

    internal StoredPayload? Data { get; }

    /// <summary>The outbox row this answer is, when it is a saved turn's reply; delivering it marks the row sent.</summary>
    internal OutboxReply? Row { get; }

    /// <summary>The whole callback body: <c>{"type": …, "data": …}</c>.</summary>
    public byte[] CallbackJson()
    {
        var body = new JsonObject { ["type"] = (int)Type };
        if (Data is { } data)
        {
            body["data"] = JsonNode.Parse(data.Payload.GetRawText());
        }

        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    /// <summary>The callback as an HTTP body: JSON, or multipart when the answer carries files (an HTTP interactions response).</summary>
    public HttpContent CallbackContent() => DiscordRestClient.Bytes(CallbackJson(), Files)();

    /// <summary>
    /// The transport reports whether Discord took the answer (true also when unsure but <c>GET @original</c> found it).
    /// True marks its outbox row sent and releases the turn's further messages; false drops them.
    /// </summary>
    public Task DeliveredAsync(bool landed, CancellationToken cancellationToken) => _delivered(landed, cancellationToken);

    internal static InteractionAnswer Reply(StoredPayload data, OutboxReply? row, Func<bool, CancellationToken, Task>? delivered = null) =>
        new(InteractionResponseType.ChannelMessageWithSource, data, row, delivered);

    internal static InteractionAnswer Defer(bool ephemeral, Func<bool, CancellationToken, Task> delivered) =>
        new(InteractionResponseType.DeferredChannelMessageWithSource,
            ephemeral ? StoredPayload.Of(new JsonObject { ["flags"] = (int)MessageFlags.Ephemeral }) : null, row: null, delivered);

    internal static InteractionAnswer DeferUpdate(Func<bool, CancellationToken, Task> delivered) =>
        new(InteractionResponseType.DeferredUpdateMessage, null, row: null, delivered);
}
