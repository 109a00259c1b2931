using ChatCoach.Core.Answers;

namespace ChatCoach.Core.Tests.Answers;

public sealed class YearReaderTests
{
    private static readonly ReadContext Context = new(new DateOnly(2026, 11, 25), []);

    [Theory]
    [InlineData("2015", 2015)]
    [InlineData("class of 2015", 2015)]
    [InlineData("graduated in 2015", 2015)]
    [InlineData("'15", 2015)]
    [InlineData("’15", 2015)]
    [InlineData("class of '15", 2015)]
    [InlineData("'36", 2036)]
    [InlineData("'37", 1937)]
    [InlineData("'99", 1999)]
    [InlineData("8 years ago", 2018)]
    [InlineData("eight years ago", 2018)]
    [InlineData("8yrs ago", 2018)]
    [InlineData("graduated 10 years back", 2016)]
    [InlineData("a year ago", 2025)]
    [InlineData("18 months ago", 2025)]
    [InlineData("a year and a half ago", 2025)]
    [InlineData("last year", 2025)]
    [InlineData("last yr", 2025)]
    [InlineData("this year", 2026)]
    [InlineData("next year", 2027)]
    [InlineData("in 2 years", 2028)]
    [InlineData("in two years", 2028)]
    [InlineData("in a year", 2027)]
    [InlineData("in 6 months", 2027)]
    [InlineData("2 years from now", 2028)]
    [InlineData("expected 2027", 2027)]
    [InlineData("June 2015", 2015)]
    [InlineData("2015-06", 2015)]
    [InlineData("06/2015", 2015)]
    [InlineData("30/06/2015", 2015)]
    [InlineData("2015/06/30", 2015)]
    [InlineData("06/30/2015", 2015)]
    [InlineData("2015-06-30", 2015)]
    [InlineData("graduated in 2019. what now", 2019)]
    [InlineData("graduating 2028", 2028)]
    [InlineData("3026", 3026)]
    [InlineData("Graduated 2015!!! 🎓", 2015)]
    [InlineData("  CLASS   OF 2015 ", 2015)]
    [InlineData("I took Step 1 in 2019", 2019)]
    [InlineData("took step 1 8 years ago", 2018)]
    [InlineData("last year (2025)", 2025)]
    [InlineData("2015 grad", 2015)]
    [InlineData("I graduated 2015, 11 years ago", 2015)]
    [InlineData("June 15, 2015", 2015)]
    [InlineData("15 June 2015", 2015)]
    [InlineData("٢٠١٥", 2015)]
    public void Reads_year(string text, long expected)
    {
        Assert.True(AnswerReader.TryRead(AnswerKind.Year, text, Context, out var value), text);
        Assert.Equal(AnswerValue.Of(expected), value);
    }

    [Theory]
    [InlineData(2026, 1, 10, "3 weeks ago", 2025)]
    [InlineData(2026, 1, 20, "1 week ago", 2026)]
    [InlineData(2026, 12, 31, "in 2 weeks", 2027)]
    [InlineData(2095, 6, 1, "'03", 2103)]
    [InlineData(2095, 6, 1, "'06", 2006)]
    [InlineData(2030, 3, 1, "8 years ago", 2022)]
    public void Reads_year_relative_to_today(int year, int month, int day, string text, long expected)
    {
        var context = new ReadContext(new DateOnly(year, month, day), []);
        Assert.True(AnswerReader.TryRead(AnswerKind.Year, text, context, out var value), text);
        Assert.Equal(AnswerValue.Of(expected), value);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("last year-ish")]
    [InlineData("idk")]
    [InlineData("around 2015ish")]
    [InlineData("around 2015")]
    [InlineData("15")]
    [InlineData("june 15")]
    [InlineData("'5")]
    [InlineData("20015")]
    [InlineData("2O15")]
    [InlineData("-2015")]
    [InlineData("2015 or 2016")]
    [InlineData("2014-2015")]
    [InlineData("2019-20")]
    [InlineData("13/2019")]
    [InlineData("2015 and 2016")]
    [InlineData("2015?")]
    [InlineData("8 years")]
    [InlineData("8 ago")]
    [InlineData("some years ago")]
    [InlineData("a couple years ago")]
    [InlineData("a few years ago")]
    [InlineData("ages ago")]
    [InlineData("2010s")]
    [InlineData("'90s")]
    [InlineData("twenty fifteen")]
    [InlineData("before 2015")]
    [InlineData("after 2020")]
    [InlineData("maybe 2016")]
    [InlineData("in 2015, 8 years ago")]
    [InlineData("2015, 8 years ago")]
    [InlineData("15 june")]
    [InlineData("what, 2015")]
    [InlineData("recently")]
    [InlineData("100000 years ago")]
    [InlineData("")]
    [InlineData("yes")]
    public void Rejects_unclear_year(string text)
    {
        Assert.False(AnswerReader.TryRead(AnswerKind.Year, text, Context, out var value), text);
        Assert.Equal(default, value);
    }
}
