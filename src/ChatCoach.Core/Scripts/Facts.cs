using ChatCoach.Core.Answers;

namespace ChatCoach.Core.Scripts;

/// <summary>What conditions see: the stored answers plus the script's derived values, computed for a given day.</summary>
public sealed class Facts(IReadOnlyDictionary<string, AnswerValue> answers, Script script, DateOnly today)
{
    /// <summary>Looks up an answer or derived value by name.</summary>
    public bool TryGet(string name, out AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (answers.TryGetValue(name, out value))
        {
            return true;
        }

        if (script.YearsSince.TryGetValue(name, out var yearAnswer)
            && answers.TryGetValue(yearAnswer, out var year)
            && year.Type == AnswerValueType.Number)
        {
            value = AnswerValue.Of(today.Year - year.Number);
            return true;
        }

        value = default;
        return false;
    }
}
