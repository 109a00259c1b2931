namespace ChatCoach.Core.Answers;

/// <summary>Reads what people actually type into a value of the expected kind. Bounds are checked by the caller.</summary>
public static class AnswerReader
{
    /// <summary>Tries to read <paramref name="text"/> as an answer of <paramref name="kind"/>.</summary>
    /// <returns>False when the words cannot be read with confidence; the question is then asked again.</returns>
    public static bool TryRead(AnswerKind kind, string text, ReadContext context, out AnswerValue value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        value = default;
        return false; // TODO(readers): dispatch to the per-kind readers.
    }
}
