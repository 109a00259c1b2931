using System.Globalization;

namespace ChatCoach.Core.Answers;

/// <summary>
/// A value read from an answer: a whole number, a yes/no flag, a piece of text (a choice id or free text), or
/// <see cref="Unknown"/> when the person said they don't know or skipped.
/// </summary>
public readonly record struct AnswerValue
{
    private AnswerValue(AnswerValueType type, long number, string? text)
    {
        Type = type;
        Number = number;
        Text = text;
    }

    /// <summary>What the value holds.</summary>
    public AnswerValueType Type { get; }

    /// <summary>The number (for <see cref="AnswerValueType.Number"/>), or 1/0 for a flag.</summary>
    public long Number { get; }

    /// <summary>The text, for <see cref="AnswerValueType.Text"/>.</summary>
    public string? Text { get; }

    /// <summary>The flag, for <see cref="AnswerValueType.Boolean"/>.</summary>
    public bool Boolean => Type == AnswerValueType.Boolean && Number != 0;

    /// <summary>The explicit "I don't know": stored, so the question counts as asked, but with no value.</summary>
    public static AnswerValue Unknown { get; } = new(AnswerValueType.Unknown, 0, null);

    /// <summary>Whether this is <see cref="Unknown"/>.</summary>
    public bool IsUnknown => Type == AnswerValueType.Unknown;

    /// <summary>A whole number.</summary>
    public static AnswerValue Of(long number) => new(AnswerValueType.Number, number, null);

    /// <summary>A yes/no flag.</summary>
    public static AnswerValue Of(bool flag) => new(AnswerValueType.Boolean, flag ? 1 : 0, null);

    /// <summary>A piece of text.</summary>
    public static AnswerValue Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(AnswerValueType.Text, 0, text);
    }

    /// <inheritdoc />
    public override string ToString() => Type switch
    {
        AnswerValueType.Number => Number.ToString(CultureInfo.InvariantCulture),
        AnswerValueType.Boolean => Boolean ? "yes" : "no",
        AnswerValueType.Unknown => "unknown",
        _ => Text ?? string.Empty,
    };
}

/// <summary>What an <see cref="AnswerValue"/> holds.</summary>
public enum AnswerValueType
{
    /// <summary>A whole number.</summary>
    Number,

    /// <summary>A yes/no flag.</summary>
    Boolean,

    /// <summary>Text: a choice id or free text.</summary>
    Text,

    /// <summary>No value: the person said they don't know, skipped, or the answer could not be read.</summary>
    Unknown,
}
