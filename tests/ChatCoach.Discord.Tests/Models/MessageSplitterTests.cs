using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Tests.Models;

public sealed class MessageSplitterTests
{
    [Fact]
    public void Short_text_is_one_chunk() => Assert.Equal(["hello"], MessageSplitter.Split("  hello \n"));

    [Fact]
    public void Blank_text_is_no_chunk() => Assert.Empty(MessageSplitter.Split(" \n\n "));

    [Fact]
    public void Text_of_exactly_the_limit_stays_whole()
    {
        var text = new string('a', 2000);
        Assert.Equal([text], MessageSplitter.Split(text));
    }

    [Fact]
    public void Prefers_paragraph_breaks()
    {
        var text = "first paragraph line one\nline two\n\nsecond paragraph here";
        Assert.Equal(["first paragraph line one\nline two", "second paragraph here"], MessageSplitter.Split(text, 40));
    }

    [Fact]
    public void Falls_back_to_line_breaks()
    {
        var text = "alpha beta gamma\ndelta epsilon zeta";
        Assert.Equal(["alpha beta gamma", "delta epsilon zeta"], MessageSplitter.Split(text, 25));
    }

    [Fact]
    public void Falls_back_to_word_boundaries()
    {
        Assert.Equal(["one two", "three four"], MessageSplitter.Split("one two three four", 10));
    }

    [Fact]
    public void A_separator_right_after_the_limit_is_a_clean_cut()
    {
        Assert.Equal(["abcde", "fgh"], MessageSplitter.Split("abcde fgh", 5));
    }

    [Fact]
    public void Cuts_inside_a_word_only_when_the_word_alone_is_too_long()
    {
        Assert.Equal(["ab", "abcdefghij", "klmno cd"], MessageSplitter.Split("ab abcdefghijklmno cd", 10));
    }

    [Fact]
    public void Never_splits_a_surrogate_pair()
    {
        var text = "abcd" + "😀" + "efgh"; // the emoji occupies indexes 4 and 5
        var chunks = MessageSplitter.Split(text, 5);
        Assert.Equal(text, string.Concat(chunks));
        Assert.All(chunks, c => Assert.False(char.IsHighSurrogate(c[^1])));
    }

    [Fact]
    public void Long_llm_answer_round_trips_within_limits()
    {
        var paragraphs = Enumerable.Range(0, 40).Select(i => string.Join(' ', Enumerable.Repeat($"word{i}", 60))).ToArray();
        var text = string.Join("\n\n", paragraphs);
        var chunks = MessageSplitter.Split(text);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 2000));
        Assert.Equal(text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries), chunks.SelectMany(c => c.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        // Paragraphs are short enough to fit, so each chunk is made of whole paragraphs.
        Assert.All(chunks, c => Assert.All(c.Split("\n\n"), p => Assert.Contains(p, paragraphs)));
    }
}
