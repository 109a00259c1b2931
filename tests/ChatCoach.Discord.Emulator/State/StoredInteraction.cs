using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.State;

/// <summary>Mutable interaction state; only touched under <see cref="InteractionStore"/>'s lock.</summary>
internal sealed class StoredInteraction
{
    public required string Id { get; init; }

    public required string Token { get; init; }

    public required int Type { get; init; }

    public required ChannelRecord Channel { get; init; }

    public required EmulatedUser User { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The dispatched interaction object (<c>d</c>).</summary>
    public required JsonObject Payload { get; init; }

    /// <summary>The component's message for type 3 (and modal submits opened from one).</summary>
    public string? SourceMessageId { get; init; }

    public int? CallbackType { get; set; }

    public DateTimeOffset? CallbackAt { get; set; }

    public string? ResponseMessageId { get; set; }

    public int RejectedCallbacks { get; set; }

    public JsonObject? Modal { get; set; }

    public EmulatedInteraction Snapshot() => new()
    {
        Id = Id,
        Token = Token,
        Type = Type,
        UserId = User.Id,
        ChannelId = Channel.Id,
        GuildId = Channel.GuildId,
        Context = (int)(Wire.GetInteger(Payload, "context") ?? 0),
        ChannelType = Channel.Type,
        Name = Name,
        CreatedAt = CreatedAt,
        CallbackType = CallbackType,
        CallbackAt = CallbackAt,
        ResponseMessageId = ResponseMessageId,
        RejectedCallbacks = RejectedCallbacks,
        ModalJson = Modal is null ? null : Wire.Serialize(Modal),
    };
}
