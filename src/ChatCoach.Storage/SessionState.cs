using System.Text.Json;
using ChatCoach.Core.Answers;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Safety;

namespace ChatCoach.Storage;

/// <summary>
/// The part of a session that has no columns of its own, as JSON. Answers are written as plain JSON values
/// (numbers, true/false, strings, null for "don't know") so the database stays readable by a human with sqlite3.
/// </summary>
internal static class SessionState
{
    public static string Write(Session session)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("answers");
            foreach (var (name, value) in session.Answers)
            {
                switch (value.Type)
                {
                    case AnswerValueType.Number:
                        json.WriteNumber(name, value.Number);
                        break;
                    case AnswerValueType.Boolean:
                        json.WriteBoolean(name, value.Boolean);
                        break;
                    case AnswerValueType.Unknown:
                        json.WriteNull(name);
                        break;
                    default:
                        json.WriteString(name, value.Text);
                        break;
                }
            }

            json.WriteEndObject();
            json.WriteStartArray("history");
            foreach (var node in session.History)
            {
                json.WriteStringValue(node);
            }

            json.WriteEndArray();
            json.WriteNumber("tries", session.Tries);
            if (session.Pending is { } pending)
            {
                json.WriteString("pending", pending.ToString());
            }

            json.WriteBoolean("paused", session.Paused);
            if (session.SafetyQuestion != SafetyQuestion.None)
            {
                json.WriteString("safety_question", session.SafetyQuestion.ToString());
            }

            if (session.PauseNoted)
            {
                json.WriteBoolean("pause_noted", true);
            }
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Read(string state, Session session)
    {
        using var document = JsonDocument.Parse(state);
        var root = document.RootElement;
        foreach (var answer in root.GetProperty("answers").EnumerateObject())
        {
            session.Answers[answer.Name] = answer.Value.ValueKind switch
            {
                JsonValueKind.Number => AnswerValue.Of(answer.Value.GetInt64()),
                JsonValueKind.True => AnswerValue.Of(true),
                JsonValueKind.False => AnswerValue.Of(false),
                JsonValueKind.Null => AnswerValue.Unknown,
                _ => AnswerValue.Of(answer.Value.GetString() ?? string.Empty),
            };
        }

        session.History.AddRange(root.GetProperty("history").EnumerateArray().Select(n => n.GetString()!));
        session.Tries = root.GetProperty("tries").GetInt32();
        session.Pending = root.TryGetProperty("pending", out var pending) && Enum.TryParse<Command>(pending.GetString(), out var command)
            ? command
            : null;
        session.Paused = root.GetProperty("paused").GetBoolean();
        session.SafetyQuestion = root.TryGetProperty("safety_question", out var asked) && Enum.TryParse<SafetyQuestion>(asked.GetString(), out var question)
            ? question
            : SafetyQuestion.None;
        session.PauseNoted = root.TryGetProperty("pause_noted", out var noted) && noted.GetBoolean();
    }
}
