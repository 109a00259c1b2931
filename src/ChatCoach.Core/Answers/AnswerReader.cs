namespace ChatCoach.Core.Answers;

/// <summary>Reads what people actually type into a value of the expected kind. Bounds are checked by the caller.</summary>
public static class AnswerReader
{
    /// <summary>Tries to read <paramref name="text"/> as an answer of <paramref name="kind"/>.</summary>
    /// <returns>False when the words cannot be read with confidence; the question is then asked again.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="AnswerKind"/>.</exception>
    public static bool TryRead(AnswerKind kind, string text, ReadContext context, out AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        AnswerValue? read = kind switch
        {
            AnswerKind.Count => CountReader.TryRead(text, out var count) ? AnswerValue.Of(count) : null,
            AnswerKind.Year => YearReader.TryRead(text, context.Today, out var year) ? AnswerValue.Of(year) : null,
            AnswerKind.Months => MonthsReader.TryRead(text, out var months) ? AnswerValue.Of(months) : null,
            AnswerKind.YesNo => YesNoReader.TryRead(text, out var flag) ? AnswerValue.Of(flag) : null,
            AnswerKind.Choice => ChoiceReader.TryRead(text, context, out var id) ? AnswerValue.Of(id) : null,
            AnswerKind.Text => TextReader.TryRead(text, context.MaxTextLength, out var free) ? AnswerValue.Of(free) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown answer kind."),
        };

        value = read.GetValueOrDefault();
        return read.HasValue;
    }
}
