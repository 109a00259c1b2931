using ChatCoach.Core.Answers;

namespace ChatCoach.Core.Tests.Answers;

/// <summary>One row per word the choice reader treats specially: position words, ordinals and words too common to choose by.</summary>
public sealed class ChoiceReaderLexiconTests
{
    private static readonly ReadContext Ten = new(new DateOnly(2026, 11, 25),
    [
        new("alpha", "Alpha", []), new("bravo", "Bravo", []), new("charlie", "Charlie", []), new("delta", "Delta", []),
        new("echo", "Echo", []), new("foxtrot", "Foxtrot", []), new("golf", "Golf", []), new("hotel", "Hotel", []),
        new("india", "India", []), new("juliett", "Juliett", []),
    ]);

    // Every word the reader ignores as too common sits in the first choice's synonym and in no other.
    private static readonly ReadContext Common = new(new DateOnly(2026, 11, 25),
    [
        new("x", "Something", ["a an the in on of at to for i my me and or with it is yet did do have had as by from just only"]),
        new("y", "Other", []),
    ]);

    private static string? Read(string text, ReadContext context) => ChoiceReader.TryRead(text, context, out var id) ? id : null;

    [Theory]
    [InlineData("the 2", "bravo")]
    [InlineData("option 2", "bravo")]
    [InlineData("opt 2", "bravo")]
    [InlineData("choice 2", "bravo")]
    [InlineData("number 2", "bravo")]
    [InlineData("num 2", "bravo")]
    [InlineData("nr 2", "bravo")]
    [InlineData("no 2", "bravo")]
    [InlineData("answer 2", "bravo")]
    [InlineData("pick 2", "bravo")]
    [InlineData("the 2nd one", "bravo")]
    [InlineData("2nd option", "bravo")]
    [InlineData("2nd choice", "bravo")]
    [InlineData("first", "alpha")]
    [InlineData("second", "bravo")]
    [InlineData("third", "charlie")]
    [InlineData("fourth", "delta")]
    [InlineData("fifth", "echo")]
    [InlineData("sixth", "foxtrot")]
    [InlineData("seventh", "golf")]
    [InlineData("eighth", "hotel")]
    [InlineData("ninth", "india")]
    [InlineData("tenth", "juliett")]
    [InlineData("1st", "alpha")]
    [InlineData("2nd", "bravo")]
    [InlineData("3rd", "charlie")]
    [InlineData("4th", "delta")]
    [InlineData("#10", "juliett")]
    [InlineData("ten", "juliett")]
    [InlineData("foxtrto", "foxtrot")]
    [InlineData("juliet", "juliett")]
    [InlineData("charlies", "charlie")]
    [InlineData("I pick delta", "delta")]
    public void Reads_a_position_or_a_label(string text, string expected)
    {
        Assert.Equal(expected, Read(text, Ten));
    }

    [Theory]
    [InlineData("11")]
    [InlineData("0")]
    [InlineData("2.5")]
    [InlineData("2 please")]
    [InlineData("eleventh")]
    [InlineData("option")]
    [InlineData("alpha bravo")]
    [InlineData("golf?")]
    [InlineData("not india")]
    [InlineData("gold")]
    public void Rejects_what_names_no_single_choice(string text)
    {
        Assert.Null(Read(text, Ten));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("an")]
    [InlineData("the")]
    [InlineData("in")]
    [InlineData("on")]
    [InlineData("of")]
    [InlineData("at")]
    [InlineData("to")]
    [InlineData("for")]
    [InlineData("i")]
    [InlineData("my")]
    [InlineData("me")]
    [InlineData("and")]
    [InlineData("or")]
    [InlineData("with")]
    [InlineData("it")]
    [InlineData("is")]
    [InlineData("yet")]
    [InlineData("did")]
    [InlineData("do")]
    [InlineData("have")]
    [InlineData("had")]
    [InlineData("as")]
    [InlineData("by")]
    [InlineData("from")]
    [InlineData("just")]
    [InlineData("only")]
    public void A_word_too_common_to_choose_by_chooses_nothing(string text)
    {
        Assert.Null(Read(text, Common));
    }

    [Fact]
    public void A_part_of_a_phrase_that_is_not_only_common_words_chooses_it()
    {
        Assert.Equal("x", Read("something", Common));
        Assert.Equal("y", Read("the other", Common));
    }

    [Theory]
    [InlineData("salt n pepper", "both")]
    [InlineData("salt and pepper", "both")]
    [InlineData("salt n", null)]
    [InlineData("n pepper", null)]
    public void An_n_between_words_is_and(string text, string? expected)
    {
        var context = new ReadContext(new DateOnly(2026, 11, 25), [new("both", "Salt and pepper", []), new("other", "Other", [])]);

        Assert.Equal(expected, Read(text, context));
    }

    [Fact]
    public void Is_exactly_only_for_a_whole_label_id_or_synonym()
    {
        var prepared = ChoiceReader.Prepare(Ten.Choices);

        Assert.True(ChoiceReader.IsExactly("Delta", prepared));
        Assert.True(ChoiceReader.IsExactly("juliett!", prepared));
        Assert.False(ChoiceReader.IsExactly("delta please", prepared));
        Assert.False(ChoiceReader.IsExactly("4", prepared));
        Assert.False(ChoiceReader.IsExactly("Delta", null));
    }
}
