using ChatCoach.Core.Answers;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Tests.Answers;

public sealed class ChoiceReaderTests
{
    // The US clinical experience question.
    private static readonly Choice[] UsceChoices =
    [
        new("none", "None yet", ["no", "nothing", "no usce"]),
        new("observership", "Observership", ["shadowing", "observer"]),
        new("externship", "Hands-on externship", ["hands-on externship", "externship", "hands on"]),
        new("clinical_job", "US clinical job", ["clinical job", "clinical job in the us", "worked in a us hospital"]),
    ];

    private static readonly ReadContext Context = new(new DateOnly(2026, 11, 25), UsceChoices);

    [Theory]
    [InlineData("2", "observership")]
    [InlineData("#2", "observership")]
    [InlineData("option 2", "observership")]
    [InlineData("Option #3", "externship")]
    [InlineData("4", "clinical_job")]
    [InlineData("4.", "clinical_job")]
    [InlineData("option two", "observership")]
    [InlineData("the second one", "observership")]
    [InlineData("2nd", "observership")]
    [InlineData("first", "none")]
    [InlineData("none", "none")]
    [InlineData("None yet", "none")]
    [InlineData("no", "none")]
    [InlineData("NOTHING", "none")]
    [InlineData("No USCE", "none")]
    [InlineData("i have no usce yet", "none")]
    [InlineData("nothing yet 😔", "none")]
    [InlineData("observership", "observership")]
    [InlineData("OBSERVERSHIP!!", "observership")]
    [InlineData("shadowing", "observership")]
    [InlineData("Observer", "observership")]
    [InlineData("Just shadowing 😊", "observership")]
    [InlineData("I did an observership in Chicago", "observership")]
    [InlineData("obsevership", "observership")]
    [InlineData("shadowng", "observership")]
    [InlineData("Hands-on externship", "externship")]
    [InlineData("hands on", "externship")]
    [InlineData("hands-on", "externship")]
    [InlineData("externship", "externship")]
    [InlineData("externshp", "externship")]
    [InlineData("I did a hands-on externship", "externship")]
    [InlineData("clinical job in the US", "clinical_job")]
    [InlineData("clinical job in the US.", "clinical_job")]
    [InlineData("US clinical job", "clinical_job")]
    [InlineData("clinical_job", "clinical_job")]
    [InlineData("clinical-job", "clinical_job")]
    [InlineData("I worked in a US hospital for a year", "clinical_job")]
    [InlineData("job", "clinical_job")]
    public void Reads_choice(string text, string expected)
    {
        Assert.True(AnswerReader.TryRead(AnswerKind.Choice, text, Context, out var value), text);
        Assert.Equal(AnswerValue.Of(expected), value);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("option 7")]
    [InlineData("2 or 3")]
    [InlineData("observership and externship")]
    [InlineData("shadowing, then an externship")]
    [InlineData("no hands-on externship")]
    [InlineData("not an observership")]
    [InlineData("maybe observership")]
    [InlineData("what do you mean by observership")]
    [InlineData("observership?")]
    [InlineData("I'm not sure")]
    [InlineData("idk")]
    [InlineData("research")]
    [InlineData("observing")]
    [InlineData("in the")]
    [InlineData("not yet")]
    [InlineData("")]
    [InlineData("!!!")]
    public void Rejects_unclear_choice(string text)
    {
        Assert.False(AnswerReader.TryRead(AnswerKind.Choice, text, Context, out var value), text);
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData("2", "two")]
    [InlineData("3 or more", "many")]
    [InlineData("#1", "one")]
    [InlineData("option 4", "many")]
    public void Reads_numeric_labels_by_label_before_position(string text, string expected)
    {
        Choice[] attempts = [new("zero", "0", []), new("one", "1", []), new("two", "2", []), new("many", "3 or more", [])];
        var context = new ReadContext(new DateOnly(2026, 11, 25), attempts);

        Assert.True(AnswerReader.TryRead(AnswerKind.Choice, text, context, out var value), text);
        Assert.Equal(AnswerValue.Of(expected), value);
    }

    [Theory]
    [InlineData("Not sure yet", "unsure")]
    [InlineData("not sure yet!", "unsure")]
    [InlineData("internal medicine", "im")]
    public void Reads_a_choice_typed_exactly_even_when_it_sounds_unsure(string text, string expected)
    {
        Choice[] specialties = [new("im", "Internal medicine", []), new("unsure", "Not sure yet", [])];

        Assert.True(AnswerReader.TryRead(AnswerKind.Choice, text, new ReadContext(new DateOnly(2026, 11, 25), specialties), out var value));
        Assert.Equal(expected, value.Text);
        Assert.False(AnswerReader.TryRead(AnswerKind.Choice, "not sure, maybe internal medicine", new ReadContext(new DateOnly(2026, 11, 25), specialties), out _));
    }

    [Fact]
    public void Rejects_a_synonym_shared_by_two_choices()
    {
        Choice[] clashing = [new("a", "Alpha", ["same"]), new("b", "Beta", ["same"])];
        var context = new ReadContext(new DateOnly(2026, 11, 25), clashing);

        Assert.False(AnswerReader.TryRead(AnswerKind.Choice, "same", context, out _));
        Assert.True(AnswerReader.TryRead(AnswerKind.Choice, "beta", context, out var value));
        Assert.Equal(AnswerValue.Of("b"), value);
    }

    [Fact]
    public void Rejects_everything_when_there_are_no_choices()
    {
        var context = new ReadContext(new DateOnly(2026, 11, 25), []);

        Assert.False(AnswerReader.TryRead(AnswerKind.Choice, "1", context, out _));
    }
}
