using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.State;

/// <summary>JSON conventions of Discord's wire format.</summary>
internal static class Wire
{
    // Relaxed escaping writes quotes as \" like Discord does, not \u0022; nothing here is embedded in HTML.
    public static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>ISO 8601 with microseconds and an explicit offset, as Discord writes timestamps.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    public static string Serialize(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    public static JsonElement ToElement(JsonNode? node)
    {
        using var doc = JsonDocument.Parse(Serialize(node));
        return doc.RootElement.Clone();
    }

    public static JsonNode? ToNode(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(element.GetRawText());

    public static string? GetString(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    /// <summary>An integer property, whether the node was parsed (long) or built by the emulator (int).</summary>
    public static long? GetInteger(JsonObject obj, string name)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<long>(out var wide))
        {
            return wide;
        }

        return value.TryGetValue<int>(out var narrow) ? narrow : null;
    }

    public static bool IsSnowflake(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 20 && value.All(char.IsAsciiDigit) && ulong.TryParse(value, out _);
}
