using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Gateway;

/// <summary>Records gateway frames with tokens redacted.</summary>
internal sealed class FrameRecorder(TimeProvider time)
{
    public EventLog<GatewayFrame> Frames { get; } = new();

    public void Record(GatewayConnection connection, FrameDirection direction, string text)
    {
        int? op = null;
        int? sequence = null;
        string? eventName = null;
        var json = text;
        try
        {
            if (JsonNode.Parse(text) is JsonObject frame)
            {
                if (frame["d"] is JsonObject data && data.ContainsKey("token"))
                {
                    data["token"] = "[redacted]";
                    json = Wire.Serialize(frame);
                }

                op = frame["op"] is JsonValue o && o.TryGetValue<int>(out var opValue) ? opValue : null;
                sequence = frame["s"] is JsonValue s && s.TryGetValue<int>(out var sValue) ? sValue : null;
                eventName = frame["t"] is JsonValue t && t.TryGetValue<string>(out var tValue) ? tValue : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON: record the raw text; the protocol handler closes with 4002.
        }

        Frames.Add(new GatewayFrame(connection.Id, direction, op, eventName, sequence, json, time.GetUtcNow()));
    }
}
