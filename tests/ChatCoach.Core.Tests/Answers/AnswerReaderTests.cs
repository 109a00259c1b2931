using ChatCoach.Core.Answers;

namespace ChatCoach.Core.Tests.Answers;

public sealed class AnswerReaderTests
{
    private static readonly ReadContext Context = new(new DateOnly(2026, 11, 25), []);

    [Theory]
    [InlineData(AnswerKind.Count, AnswerValueType.Number)]
    [InlineData(AnswerKind.Year, AnswerValueType.Number)]
    [InlineData(AnswerKind.Months, AnswerValueType.Number)]
    [InlineData(AnswerKind.Text, AnswerValueType.Text)]
    public void Dispatches_to_the_reader_for_the_kind(AnswerKind kind, AnswerValueType expected)
    {
        Assert.True(AnswerReader.TryRead(kind, "2015", Context, out var value));
        Assert.Equal(expected, value.Type);
    }

    [Fact]
    public void Reads_the_same_words_differently_per_kind()
    {
        Assert.True(AnswerReader.TryRead(AnswerKind.Months, "a year", Context, out var months));
        Assert.False(AnswerReader.TryRead(AnswerKind.Year, "a year", Context, out _));
        Assert.True(AnswerReader.TryRead(AnswerKind.YesNo, "none", Context, out var flag));
        Assert.True(AnswerReader.TryRead(AnswerKind.Count, "none", Context, out var count));

        Assert.Equal(AnswerValue.Of(12L), months);
        Assert.Equal(AnswerValue.Of(false), flag);
        Assert.Equal(AnswerValue.Of(0L), count);
    }

    [Fact]
    public void Throws_for_an_unknown_kind()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AnswerReader.TryRead((AnswerKind)99, "2", Context, out _));
    }

    [Fact]
    public void Throws_for_null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => AnswerReader.TryRead(AnswerKind.Text, null!, Context, out _));
        Assert.Throws<ArgumentNullException>(() => AnswerReader.TryRead(AnswerKind.Text, "x", null!, out _));
    }
}
