using System.Text.Json;
using System.Text.Json.Serialization;
using ChatCoach.Core.Answers;

namespace ChatCoach.Bench;

/// <summary>One user of the workload: what they type, and what a correct engine must end up with.</summary>
internal sealed record WorkloadUser(string User, IReadOnlyList<string> Messages, IReadOnlyDictionary<string, AnswerValue> Expect, int Reasks)
{
    /// <summary>Reads the workload file, one JSON object a line; the expected answers become answer values.</summary>
    public static List<WorkloadUser> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<Line>(line) ?? throw new InvalidDataException($"an empty line in {path}"))
            .Select(line => new WorkloadUser(line.User, line.Messages, line.Expect.ToDictionary(e => e.Key, e => ToAnswer(e.Value)), line.Reasks))
            .ToList();

    private static AnswerValue ToAnswer(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => AnswerValue.Of(value.GetInt64()),
        JsonValueKind.True => AnswerValue.Of(true),
        JsonValueKind.False => AnswerValue.Of(false),
        _ => AnswerValue.Of(value.GetString() ?? string.Empty),
    };

    private sealed record Line(
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("messages")] string[] Messages,
        [property: JsonPropertyName("expect")] Dictionary<string, JsonElement> Expect,
        [property: JsonPropertyName("reasks")] int Reasks);
}
