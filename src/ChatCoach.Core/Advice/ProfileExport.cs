using System.Text;
using System.Text.Json;
using ChatCoach.Core.Answers;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Advice;

/// <summary>A user's answers and plan as files they can keep or show an advisor: JSON for tools, Markdown for people.</summary>
public sealed record ProfileExport(string Json, string Markdown)
{
    /// <summary>Writes the export of <paramref name="session"/> on its engine, as of <paramref name="today"/>.</summary>
    public static ProfileExport Of(DialogEngine engine, Session session, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(session);
        var script = engine.Script;
        var answered = script.Nodes.Values
            .Where(n => n.Question is { } q && session.Answers.ContainsKey(q.Store))
            .DistinctBy(n => n.Question!.Store)
            .Select(n => (n.Question!, Value: session.Answers[n.Question!.Store]))
            .ToList();
        var advice = PlanWriter.Matching(script, new Facts(session.Answers, script, today));
        var plan = engine.PlanFor(session, today);
        return new ProfileExport(WriteJson(script, today, answered, advice, plan), WriteMarkdown(today, answered, plan));
    }

    private static string WriteJson(Script script, DateOnly today, List<(Question Question, AnswerValue Value)> answered, IReadOnlyList<AdviceEntry> advice, string plan)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("exported_on", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("script", script.Id);
            json.WriteString("script_version", script.Version);
            json.WriteStartArray("answers");
            foreach (var (question, value) in answered)
            {
                json.WriteStartObject();
                json.WriteString("topic", question.Topic);
                json.WriteString("name", question.Store);
                json.WritePropertyName("value");
                switch (value.Type)
                {
                    case AnswerValueType.Number:
                        json.WriteNumberValue(value.Number);
                        break;
                    case AnswerValueType.Boolean:
                        json.WriteBooleanValue(value.Boolean);
                        break;
                    case AnswerValueType.Unknown:
                        json.WriteNullValue();
                        break;
                    default:
                        json.WriteStringValue(value.Text);
                        break;
                }

                json.WriteString("shown_as", Shown(question, value));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("plan");
            foreach (var entry in advice)
            {
                foreach (var step in entry.Steps)
                {
                    json.WriteStartObject();
                    json.WriteString("advice", entry.Id);
                    json.WriteString("do", step.Do);
                    json.WriteString("why", step.Why);
                    json.WriteStartArray("sources");
                    entry.Sources.ToList().ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteString("plan_text", plan);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string WriteMarkdown(DateOnly today, List<(Question Question, AnswerValue Value)> answered, string plan)
    {
        var text = new StringBuilder()
            .Append("# My ChatCoach plan (").Append(today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)).Append(")\n\n")
            .Append("## My answers\n\n");
        foreach (var (question, value) in answered)
        {
            text.Append("- ").Append(char.ToUpperInvariant(question.Topic[0])).Append(question.Topic[1..]).Append(": ").Append(Shown(question, value)).Append('\n');
        }

        return text.Append("\n## Plan\n\n").Append(plan).Append('\n').ToString();
    }

    private static string Shown(Question question, AnswerValue value) => question.Kind switch
    {
        _ when value.IsUnknown => value.ToString(),
        AnswerKind.Choice => question.Choices.FirstOrDefault(c => c.Id == value.Text)?.Label ?? value.ToString(),
        AnswerKind.Months => $"{value.Number} months",
        _ => value.ToString(),
    };
}
