using ChatCoach.Core.Answers;

namespace ChatCoach.Core.Tests.Answers;

public sealed class YesNoReaderTests
{
    private static readonly ReadContext Context = new(new DateOnly(2026, 11, 25), []);

    [Theory]
    [InlineData("yes", true)]
    [InlineData("y", true)]
    [InlineData("yep", true)]
    [InlineData("yeah", true)]
    [InlineData("yup", true)]
    [InlineData("ya", true)]
    [InlineData("sure", true)]
    [InlineData("of course", true)]
    [InlineData("correct", true)]
    [InlineData("absolutely", true)]
    [InlineData("definitely!", true)]
    [InlineData("yes, one poster", true)]
    [InlineData("I have", true)]
    [InlineData("I did", true)]
    [InlineData("a little", true)]
    [InlineData("some", true)]
    [InlineData("I’ve done a bit", true)]
    [InlineData("yes!!", true)]
    [InlineData("YES", true)]
    [InlineData("Yess", true)]
    [InlineData("yesss 😊", true)]
    [InlineData("👍", true)]
    [InlineData("👍🏽", true)]
    [InlineData("Yes I have done research", true)]
    [InlineData("I am", true)]
    [InlineData("we did", true)]
    [InlineData("already did", true)]
    [InlineData("done ✅", true)]
    [InlineData("no", false)]
    [InlineData("n", false)]
    [InlineData("nope", false)]
    [InlineData("nah", false)]
    [InlineData("not yet", false)]
    [InlineData("none", false)]
    [InlineData("never", false)]
    [InlineData("not really", false)]
    [InlineData("no research", false)]
    [InlineData("negative", false)]
    [InlineData("haven't", false)]
    [InlineData("havent", false)]
    [InlineData("I don't", false)]
    [InlineData("I didn’t", false)]
    [InlineData("NO.", false)]
    [InlineData("nooo", false)]
    [InlineData("👎", false)]
    [InlineData("absolutely not", false)]
    [InlineData("of course not", false)]
    [InlineData("not at all", false)]
    [InlineData("I haven't done any research yet", false)]
    [InlineData("I have no research", false)]
    [InlineData("nothing yet", false)]
    public void Reads_yes_or_no(string text, bool expected)
    {
        Assert.True(AnswerReader.TryRead(AnswerKind.YesNo, text, Context, out var value), text);
        Assert.Equal(AnswerValue.Of(expected), value);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("yes and no")]
    [InlineData("yeah nah")]
    [InlineData("idk")]
    [InlineData("I don't know")]
    [InlineData("no idea")]
    [InlineData("I think so")]
    [InlineData("probably")]
    [InlineData("kinda")]
    [InlineData("sort of")]
    [InlineData("not much")]
    [InlineData("yes?")]
    [InlineData("ok")]
    [InlineData("hello")]
    [InlineData("observership")]
    [InlineData("what do you mean")]
    [InlineData("is it required")]
    [InlineData("do I need research")]
    [InlineData("I don't understand")]
    [InlineData("I'm confused")]
    [InlineData("have you seen my CV")]
    [InlineData("🤔")]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejects_unclear_yes_or_no(string text)
    {
        Assert.False(AnswerReader.TryRead(AnswerKind.YesNo, text, Context, out var value), text);
        Assert.Equal(default, value);
    }
}
