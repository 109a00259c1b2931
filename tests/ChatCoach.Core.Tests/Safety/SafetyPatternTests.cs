using ChatCoach.Core.Safety;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Tests.Safety;

public sealed class SafetyPatternTests
{
    private static readonly SafetyVocabulary Vocabulary = new(new Crisis
    {
        Levels = new Dictionary<SafetyLevel, SafetyLevelDefinition>(),
        Fillers = ["just", "really"],
        Sets = new Dictionary<string, IReadOnlyList<string>> { ["self"] = ["myself", "my own self"] },
        PausedReply = "p",
        UrgentReply = "u",
        SafeReply = "s",
        ResumeWords = ["go"],
        ResumeReply = "r",
    });

    private static bool Matches(string pattern, string text) =>
        SafetyPattern.Parse(pattern, Vocabulary).Pattern!.Matches(Vocabulary.Normalizer.Tokens(text)).Any();

    [Theory]
    [InlineData("thinking of .. ending it", "I'm thinking of maybe ending it", true)]
    [InlineData("thinking of .. ending it", "thinking of ending my lease, it is expensive", false)]
    [InlineData("want to end it", "I just want to really end it", true)]
    [InlineData("want (everything|it all) to end", "I want it all to end", true)]
    [InlineData("kill @self", "kill my own self", true)]
    [InlineData("suicid*", "suicidality", true)]
    [InlineData("suicidal", "sucidal", true)]
    [InlineData("die", "lie", false)]
    [InlineData("want to? die", "want die", true)]
    [InlineData("no ... hope", "no matter what anyone says there is hope", true)]
    public void Matches_words_alternatives_gaps_fillers_sets_beginnings_and_long_typos(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Matches(pattern, text));

    [Theory]
    [InlineData("pills & (saving|saved)", "I have been saving my pills for weeks", true)]
    [InlineData("pills & (saving|saved)", "saved up for months, every one of the pills is in a box", true)]
    [InlineData("pills & (saving|saved)", "I have my pills. I saved the receipt", false)]
    [InlineData("gave away my && will not need", "gave away my laptop. I will not need it", true)]
    [InlineData("gave away my && will not need", "I will not need it, I gave away my laptop", true)]
    [InlineData("gave away my && will not need", "gave away my laptop", false)]
    [InlineData("pills & (saving|saved) & box", "saving pills", false)]
    public void Phrases_joined_by_and_stand_in_one_sentence_and_by_double_and_anywhere_in_any_order(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Matches(pattern, text));

    [Fact]
    public void A_sentence_match_spans_from_its_first_phrase_to_its_last()
    {
        var tokens = Vocabulary.Normalizer.Tokens("ok. the pills I keep saving are here");
        var (start, end) = SafetyPattern.Parse("saving & pills", Vocabulary).Pattern!.Matches(tokens).Single();
        Assert.Equal(("pils", "saving"), (tokens[start].Key, tokens[end - 1].Key));
    }

    [Theory]
    [InlineData(".. die", "'..' must stand between two words")]
    [InlineData("die ..", "'..' must stand between two words")]
    [InlineData("die?", "no word that must be there")]
    [InlineData("kill @nobody", "no word set '@nobody'")]
    [InlineData("Die", "can never match")]
    [InlineData("(want||wish) die", "empty alternative")]
    [InlineData("pills & .. die", "'.. die': '..' must stand between two words")]
    [InlineData("pills & saving && ready", "cannot be mixed")]
    public void Refuses_patterns_that_can_never_match(string pattern, string reason) =>
        Assert.Contains(reason, SafetyPattern.Parse(pattern, Vocabulary).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("(want|wish) to die", "die")]
    [InlineData("kill @self", "kill")]
    [InlineData("(want|wish) .. suicid*", "want wish")]
    [InlineData("pills & (saving|saved)", "pills")]
    [InlineData("(not)? (overdosed|overdosing)", null)]
    [InlineData("suicid* (risk|rate)", "risk rate")]
    [InlineData("suicid* (prevention|risk)", null)]
    public void Anchors_are_the_words_a_message_must_hold_for_a_match(string pattern, string? anchors) =>
        Assert.Equal(anchors?.Split(' ').Select(Token.KeyOf).Order(), SafetyPattern.Parse(pattern, Vocabulary).Pattern!.Anchors?.Order());
}
