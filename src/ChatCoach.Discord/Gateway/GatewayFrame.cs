using System.Buffers;
using System.Text.Json;

namespace ChatCoach.Discord.Gateway;

internal readonly record struct GatewayFrame(int Op, JsonElement Data, long? Sequence, string? EventName)
{
    public static GatewayFrame Parse(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        var op = root.GetProperty("op").GetInt32();

        // Hello and ACK examples omit s/t/d entirely: missing is treated like null.
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
        long? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
        var name = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new GatewayFrame(op, data, sequence, name);
    }

    public static byte[] Heartbeat(long? sequence) => Write(GatewayOpcode.Heartbeat, w =>
    {
        if (sequence is { } s)
        {
            w.WriteNumberValue(s);
        }
        else
        {
            w.WriteNullValue();
        }
    });

    public static byte[] Identify(string token, GatewayIntents intents, int shardId, int shardCount) => Write(GatewayOpcode.Identify, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteNumber("intents", (int)intents);
        w.WriteStartObject("properties");
        w.WriteString("os", OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux");
        w.WriteString("browser", "chatcoach");
        w.WriteString("device", "chatcoach");
        w.WriteEndObject();
        w.WriteStartArray("shard");
        w.WriteNumberValue(shardId);
        w.WriteNumberValue(shardCount);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, long? sequence) => Write(GatewayOpcode.Resume, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteString("session_id", sessionId);
        if (sequence is { } s)
        {
            w.WriteNumber("seq", s);
        }
        else
        {
            w.WriteNull("seq");
        }

        w.WriteEndObject();
    });

    private static byte[] Write(GatewayOpcode op, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", (int)op);
            writer.WritePropertyName("d");
            writeData(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
