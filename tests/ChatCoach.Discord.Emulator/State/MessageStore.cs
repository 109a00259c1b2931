using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Payloads;

namespace ChatCoach.Discord.Emulator.State;

/// <summary>Every message in every channel; bot messages are also logged as snapshots tests can wait on.</summary>
/// <param name="publication">Lock of <see cref="BotLog"/>: <see cref="EmulatorCore.Gate"/>, as bot messages come from REST handlers.</param>
internal sealed class MessageStore(Lock publication)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredMessage> _messages = [];
    private readonly List<string> _order = [];

    public EventLog<EmulatedMessage> BotLog { get; } = new(publication);

    public EmulatedMessage Add(StoredMessage message)
    {
        EmulatedMessage snapshot;
        lock (_gate)
        {
            _messages[message.Id] = message;
            _order.Add(message.Id);
            snapshot = Snapshot(message);
        }

        if (message.ByBot)
        {
            BotLog.Add(snapshot);
        }

        return snapshot;
    }

    /// <summary>Applies an edit and returns the new state, or null when the message is unknown or deleted.</summary>
    public EmulatedMessage? Edit(string messageId, DateTimeOffset now, Action<StoredMessage> edit)
    {
        EmulatedMessage snapshot;
        StoredMessage message;
        lock (_gate)
        {
            if (!_messages.TryGetValue(messageId, out message!) || message.Deleted)
            {
                return null;
            }

            edit(message);
            message.Revision++;
            message.EditedAt = now;
            snapshot = Snapshot(message);
        }

        if (message.ByBot)
        {
            BotLog.Add(snapshot);
        }

        return snapshot;
    }

    public bool Delete(string messageId)
    {
        EmulatedMessage snapshot;
        StoredMessage message;
        lock (_gate)
        {
            if (!_messages.TryGetValue(messageId, out message!) || message.Deleted)
            {
                return false;
            }

            message.Deleted = true;
            message.Revision++;
            snapshot = Snapshot(message);
        }

        if (message.ByBot)
        {
            BotLog.Add(snapshot);
        }

        return true;
    }

    public T? Read<T>(string messageId, Func<StoredMessage, T?> read)
        where T : class
    {
        lock (_gate)
        {
            return _messages.TryGetValue(messageId, out var message) && !message.Deleted ? read(message) : null;
        }
    }

    public JsonObject? Json(string messageId) => Read(messageId, MessagePayloads.Message);

    public EmulatedMessage? Latest(string messageId) => Read(messageId, Snapshot);

    public IReadOnlyList<EmulatedMessage> LatestBotMessages(Func<ChannelRecord, bool> inChannel)
    {
        lock (_gate)
        {
            return [.. _order.Select(id => _messages[id]).Where(m => m.ByBot && !m.Deleted && inChannel(m.Channel)).Select(Snapshot)];
        }
    }

    /// <summary>Newest first, as <c>GET /channels/{id}/messages</c> lists them.</summary>
    public JsonArray ListJson(string channelId, int limit)
    {
        lock (_gate)
        {
            return new JsonArray([.. _order.AsEnumerable().Reverse().Select(id => _messages[id])
                .Where(m => m.Channel.Id == channelId && !m.Deleted && (m.Flags & 64) == 0)
                .Take(limit)
                .Select(m => (JsonNode)MessagePayloads.Message(m))]);
        }
    }

    /// <summary>A bot message in the channel with the same nonce (for <c>enforce_nonce</c>).</summary>
    public string? FindByNonce(string channelId, JsonNode nonce, DateTimeOffset since)
    {
        var wanted = Wire.Serialize(nonce);
        lock (_gate)
        {
            return _order.Select(id => _messages[id]).LastOrDefault(m =>
                m.ByBot && m.Channel.Id == channelId && m.CreatedAt >= since && m.Nonce is not null && Wire.Serialize(m.Nonce) == wanted)?.Id;
        }
    }

    private static EmulatedMessage Snapshot(StoredMessage m) => new()
    {
        Id = m.Id,
        ChannelId = m.Channel.Id,
        GuildId = m.Channel.GuildId,
        RecipientUserId = m.Channel.RecipientId,
        Content = m.Content,
        Flags = m.Flags,
        Embeds = Wire.ToElement(m.Embeds),
        Components = Wire.ToElement(m.Components),
        Files = [.. m.Files],
        Origin = m.Origin,
        InteractionId = m.InteractionId,
        ReferencedMessageId = m.ReferencedMessageId,
        CreatedAt = m.CreatedAt,
        EditedAt = m.EditedAt,
        Revision = m.Revision,
        Deleted = m.Deleted,
        Json = Wire.Serialize(MessagePayloads.Message(m)),
    };
}
