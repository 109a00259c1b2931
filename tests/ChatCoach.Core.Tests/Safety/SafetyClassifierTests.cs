using ChatCoach.Core.Safety;

namespace ChatCoach.Core.Tests.Safety;

public sealed class SafetyClassifierTests
{
    [Theory]
    [InlineData("I am thinking of ending it")]
    [InlineData("I'd rather be dead")]
    [InlineData("kms")]
    [InlineData("i want to killmyself")]
    [InlineData("i wanna diiiie")]
    [InlineData("im so sucidal")]
    [InlineData("thinking of unaliving myself")]
    [InlineData("sewerslide")]
    [InlineData("I want to kil myself")]
    [InlineData("2 attempts and honestly I just want to end my life")]
    public void Explicit_misspelled_and_shorthand_wishes_to_die_are_crisis(string message) =>
        Assert.Equal(SafetyLevel.Crisis, CoachClassifier.Classify(message));

    [Theory]
    [InlineData("quiero morir")]
    [InlineData("quiero matarme")]
    [InlineData("eu quero morrer")]
    [InlineData("quero me matar")]
    [InlineData("je veux mourir")]
    [InlineData("je veux me tuer")]
    [InlineData("ich will sterben")]
    [InlineData("ich will mich umbringen")]
    [InlineData("main marna chahta hoon")]
    [InlineData("mujhe khudkushi karni hai")]
    [InlineData("أريد أن أموت")]
    [InlineData("أريد أن أنتحر")]
    [InlineData("ana 3ayez amoot")]
    [InlineData("gusto ko nang mamatay")]
    [InlineData("gusto kong magpakamatay")]
    [InlineData("Quiero suicidarme")]
    [InlineData("estou pensando em suicídio")]
    public void I_want_to_die_and_to_kill_myself_are_crisis_in_the_languages_users_write(string message) =>
        Assert.Equal(SafetyLevel.Crisis, CoachClassifier.Classify(message));

    [Theory]
    [InlineData("I can't take this anymore")]
    [InlineData("there's no hope for me")]
    [InlineData("I don't see the point anymore")]
    [InlineData("no point in trying anymore")]
    [InlineData("I want to disappear")]
    [InlineData("I don't want to be here anymore")]
    public void Hopelessness_without_intent_is_concern(string message) =>
        Assert.Equal(SafetyLevel.Concern, CoachClassifier.Classify(message));

    [Theory]
    [InlineData("I failed twice and I feel awful")]
    [InlineData("I'm devastated")]
    [InlineData("I've been crying all day")]
    public void Sadness_without_risk_is_distress(string message) =>
        Assert.Equal(SafetyLevel.Distress, CoachClassifier.Classify(message));

    [Theory]
    [InlineData("this exam is killing me")]
    [InlineData("dying to know my score")]
    [InlineData("I'd kill for a 250")]
    [InlineData("killing it on UWorld")]
    [InlineData("I work in a suicide prevention unit")]
    [InlineData("I saw overdose patients in the ER")]
    [InlineData("my research is on self-harm")]
    [InlineData("my friend said he wanted to die, how do I help him")]
    [InlineData("the patient wants to kill herself, what is the next step")]
    [InlineData("I'm thinking of ending my subscription")]
    [InlineData("no")]
    [InlineData("2")]
    [InlineData("I'm not suicidal")]
    public void Idioms_clinical_talk_third_person_and_plain_answers_are_no_alarm(string message) =>
        Assert.True(CoachClassifier.Classify(message) < SafetyLevel.Concern, message);
}
