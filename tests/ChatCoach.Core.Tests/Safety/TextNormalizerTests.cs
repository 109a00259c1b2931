using ChatCoach.Core.Safety;

namespace ChatCoach.Core.Tests.Safety;

public sealed class TextNormalizerTests
{
    private static readonly TextNormalizer Normalizer = new(
        new Dictionary<string, string> { ["kms"] = "kill myself", ["dont"] = "do not", ["u"] = "you", ["🪦"] = "grave", ["⚰️"] = "coffin", ["💊"] = "pills" }, ["myself"]);

    private static string Keys(string text) => string.Join(' ', Normalizer.Tokens(text).Select(t => t.Key));

    [Theory]
    [InlineData("Suicídio", "suicidio")]
    [InlineData("JE VEUX MOURIR!", "je veux mourir")]
    [InlineData("I don't", "i do not")]
    [InlineData("I'll do it, I'd go, I'M done, we're here, I've got it", "i wil do it i would go i am done we are here i have got it")]
    [InlineData("it's ill", "its il")]
    [InlineData("kms", "kil myself")]
    [InlineData("killmyself", "kil myself")]
    [InlineData("diiiie", "die")]
    [InlineData("I want to d!e", "i want to die")]
    [InlineData("k i l l myself", "k i l l myself")]
    [InlineData("su1c1de, 3 attempts!", "suicide 3 atempts")]
    [InlineData("s*icide, k*ll", "sicide kl")]
    [InlineData("took 30tabs, 24yo f, my 23rd try, 3ayez", "tok 30 tabs 24 yo f my 23rd try 3ayez")]
    [InlineData("24yo", "24 yo")]
    [InlineData("suici\u0301dio", "suicidio")]
    [InlineData("मैं जीना नहीं चाहता", "मैं जीना नहीं चाहता")]
    [InlineData("আমি বাঁচতে চাই না", "আমি বাঁচতে চাই না")]
    [InlineData("s u i c i d e. u ok?", "s u i c i d e you ok")]
    [InlineData("أريد أن أموت", "اريد ان اموت")]
    [InlineData("خودکشی", "خودكشي")]
    public void Folds_case_accents_apostrophes_stretching_shorthand_and_run_together_words(string text, string expected) =>
        Assert.Equal(expected, Keys(text));

    [Fact]
    public void Sentences_are_counted_so_a_subject_is_looked_for_in_its_own()
    {
        var tokens = Normalizer.Tokens("He is fine. I am not");

        Assert.Equal([0, 0, 0, 1, 1, 1], tokens.Select(t => t.Clause));
    }

    [Fact]
    public void Quoted_passages_are_numbered_so_quoted_words_can_be_told_apart()
    {
        var tokens = Normalizer.Tokens("he said \"go\" and “stop” now");

        Assert.Equal([0, 0, 1, 0, 2, 0], tokens.Select(t => t.Quote));
    }

    [Theory]
    [InlineData("patient states 'I want to die'. next step?", new[] { 0, 0, 1, 1, 1, 1, 0, 0 })]
    [InlineData("the patients' rooms and I'm tired", new[] { 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData("'cause I want to die", new[] { 0, 0, 0, 0, 0 })]
    public void Single_quotes_make_a_passage_only_when_a_closing_quote_follows(string text, int[] quotes) =>
        Assert.Equal(quotes, Normalizer.Tokens(text).Select(t => t.Quote));

    [Theory]
    [InlineData("die", true)]
    [InlineData("Die", false)]
    [InlineData("don't", false)]
    [InlineData("kms", false)]
    [InlineData("killmyself", false)]
    [InlineData("suicídio", false)]
    public void Knows_which_pattern_words_survive_normalisation(string word, bool kept) =>
        Assert.Equal(kept, Normalizer.KeepsWord(word));

    [Theory]
    [InlineData("🪦 soon", "grave son")]
    [InlineData("💊💊💊 tonight", "pils pils pils tonight")]
    [InlineData("bye⚰️ for real", "bye cofin for real")]
    [InlineData("bye ⚰ for real", "bye cofin for real")]
    [InlineData("im dead 😂", "im dead lol")]
    [InlineData("the 🌉 is nice", "the is nice")]
    public void An_emoji_the_rewrites_name_reads_as_its_words_and_others_are_dropped(string text, string keys) =>
        Assert.Equal(keys, Keys(text));
}
