using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Payloads;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Gateway;

/// <summary>Turns state changes into gateway dispatches with the intents Discord requires for them.</summary>
internal sealed class EventPublisher(EmulatorCore core)
{
    public Task MessageCreatedAsync(string messageId) => MessageEventAsync("MESSAGE_CREATE", messageId);

    public Task MessageUpdatedAsync(string messageId) => MessageEventAsync("MESSAGE_UPDATE", messageId);

    public Task MessageDeletedAsync(ChannelRecord channel, string messageId)
    {
        var data = new JsonObject { ["id"] = messageId, ["channel_id"] = channel.Id };
        if (channel.GuildId is not null)
        {
            data["guild_id"] = channel.GuildId;
        }

        return core.Gateway.DispatchAsync("MESSAGE_DELETE", channel.GuildId, IntentFor(channel), _ => data);
    }

    /// <summary>
    /// INTERACTION_CREATE needs no intent (PROTOCOL.md §1.7). With interactions endpoints configured, interactions go
    /// there over HTTP instead, as Discord does once an Interactions Endpoint URL is set.
    /// </summary>
    public Task InteractionCreatedAsync(StoredInteraction interaction) => core.HttpDelivery is { } http && core.Options.InteractionsEndpoints.Count > 0
        ? http.DeliverAsync(interaction)
        : core.Gateway.DispatchAsync("INTERACTION_CREATE", interaction.Channel.GuildId, 0, _ => interaction.Payload);

    private Task MessageEventAsync(string eventName, string messageId)
    {
        var prepared = core.Messages.Read(messageId, m => new Prepared(
            m.Channel,
            MessagePayloads.GatewayMessage(m, Member(m), includeContent: true),
            MessagePayloads.GatewayMessage(m, Member(m), includeContent: false),
            m.ByBot || m.Channel.IsDm || MentionsBot(m)));
        if (prepared is null)
        {
            return Task.CompletedTask;
        }

        return core.Gateway.DispatchAsync(eventName, prepared.Channel.GuildId, IntentFor(prepared.Channel), session =>
            prepared.ContentAlwaysVisible || session.Has(GatewayIntent.MessageContent) ? prepared.WithContent : prepared.WithoutContent);
    }

    private bool MentionsBot(StoredMessage message) =>
        message.Mentions.OfType<JsonObject>().Any(u => Wire.GetString(u, "id") == core.Options.BotUserId);

    private JsonObject? Member(StoredMessage message) =>
        message.Channel.GuildId is null || message.ByBot
            ? null
            : GuildPayloads.Member(core.Users.GetOrAdd(message.AuthorId), core.StartedAt, [], permissions: null, includeUser: false);

    private static long IntentFor(ChannelRecord channel) => channel.IsDm ? GatewayIntent.DirectMessages : GatewayIntent.GuildMessages;

    private sealed record Prepared(ChannelRecord Channel, JsonObject WithContent, JsonObject WithoutContent, bool ContentAlwaysVisible);
}
