using ChatCoach.Core.Answers;

namespace ChatCoach.Core.Tests.Answers;

public sealed class TextReaderTests
{
    private static readonly ReadContext Context = new(new DateOnly(2026, 11, 25), []);

    [Theory]
    [InlineData("Cardiology", "Cardiology")]
    [InlineData("  Internal   medicine  ", "Internal medicine")]
    [InlineData("I want IM\nin NYC", "I want IM in NYC")]
    [InlineData("tab\tseparated\r\nlines", "tab separated lines")]
    [InlineData("non\u00A0breaking space", "non breaking space")]
    [InlineData("FM!!", "FM!!")]
    [InlineData("Pediatrics 👶", "Pediatrics 👶")]
    [InlineData("Émile Durkheim Hospital", "Émile Durkheim Hospital")]
    [InlineData("Ain Shams University, Cairo", "Ain Shams University, Cairo")]
    [InlineData("Kasturba Medical College (KMC)", "Kasturba Medical College (KMC)")]
    [InlineData("42", "42")]
    [InlineData("a", "a")]
    [InlineData("don't know yet", "don't know yet")]
    [InlineData("idk", "idk")]
    [InlineData("UWorld + NBME 30", "UWorld + NBME 30")]
    [InlineData("\u0007bell", "bell")]
    [InlineData("Сардиология", "Сардиология")]
    [InlineData("?? neuro", "?? neuro")]
    [InlineData("   x   ", "x")]
    public void Reads_text_as_typed(string text, string expected)
    {
        Assert.True(AnswerReader.TryRead(AnswerKind.Text, text, Context, out var value), text);
        Assert.Equal(AnswerValue.Of(expected), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t\r")]
    [InlineData("!!!")]
    [InlineData("...")]
    [InlineData("😭😭")]
    [InlineData("🙏 🙏")]
    [InlineData("\u200B")]
    [InlineData("- - -")]
    [InlineData("?")]
    [InlineData(":)")]
    public void Rejects_empty_or_symbol_only_text(string text)
    {
        Assert.False(AnswerReader.TryRead(AnswerKind.Text, text, Context, out var value), text);
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Limits_length_to_the_default_maximum(int length, bool expected)
    {
        Assert.Equal(expected, AnswerReader.TryRead(AnswerKind.Text, new string('a', length), Context, out _));
    }

    [Theory]
    [InlineData("0123456789", true)]
    [InlineData("  0123456789  ", true)]
    [InlineData("01234 56789", false)]
    [InlineData("0123456789a", false)]
    [InlineData("😭😭😭😭😭a", false)]
    public void Limits_length_after_trimming_to_the_context_maximum(string text, bool expected)
    {
        var context = new ReadContext(new DateOnly(2026, 11, 25), []) { MaxTextLength = 10 };

        Assert.Equal(expected, AnswerReader.TryRead(AnswerKind.Text, text, context, out _));
    }
}
