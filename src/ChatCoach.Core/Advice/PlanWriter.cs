using System.Text;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Advice;

/// <summary>Writes the plan: encouragement first, then the steps of every matching advice entry, most important first.</summary>
public static class PlanWriter
{
    private const int EncouragementCount = 2;

    /// <summary>The advice entries that apply to these facts, in the script's order of importance.</summary>
    public static IReadOnlyList<AdviceEntry> Matching(Script script, Facts facts)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script.Advice.Where(a => a.When.Evaluate(facts)).ToList();
    }

    /// <summary>The plan as text; <paramref name="missing"/> lists topics not answered yet (empty when complete).</summary>
    public static string Write(Script script, string heading, Facts facts, IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(missing);
        var advice = Matching(script, facts);
        var text = new StringBuilder();
        text.Append(heading);
        if (advice.Count == 0)
        {
            text.Append("\n\n").Append(script.Texts.PlanEmpty);
        }
        else
        {
            // Two sentences of encouragement read as warmth; a dozen read as a wall before the steps.
            text.Append("\n\n").AppendJoin(' ', advice.Take(EncouragementCount).Select(a => a.Encouragement));
            var number = 0;
            foreach (var entry in advice)
            {
                var first = number + 1;
                foreach (var step in entry.Steps)
                {
                    text.Append("\n\n").Append(++number).Append(". ").Append(step.Do)
                        .Append("\n   Why: ").Append(step.Why);
                }

                // An entry's sources back all of its steps, so they follow its last step once.
                text.Append(number == first ? "\n   Source: " : $"\n   Sources ({first}–{number}): ").AppendJoin("; ", entry.Sources);
            }
        }

        if (missing.Count > 0)
        {
            text.Append("\n\n").Append(script.Texts.StillMissing).Append(' ').AppendJoin(", ", missing).Append('.');
        }

        return text.ToString();
    }
}
