using ChatCoach.Core.Engine;
using ChatCoach.Discord.Coaching;

namespace ChatCoach.Discord.Tests.Coaching;

public sealed class ComponentIdsTests
{
    [Fact]
    public void A_button_id_names_its_question_turn_and_choice()
    {
        var input = ComponentIds.Parse(ComponentIds.Choice("usce", 7, "observership"), null);

        Assert.Equal(Input.Click("usce", 7, "observership"), input);
    }

    [Fact]
    public void A_select_id_takes_the_choice_from_the_selected_value()
    {
        Assert.Equal(Input.Click("specialty", 12, "psychiatry"), ComponentIds.Parse(ComponentIds.Choice("specialty", 12, null), ["psychiatry"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_confirmation_id_round_trips(bool yes)
    {
        Assert.Equal(Input.Confirm(Command.Forget, yes), ComponentIds.Parse(ComponentIds.Confirm(Command.Forget, yes), null));
    }

    [Theory]
    [InlineData("next")]
    [InlineData("q|usce|notanumber|none")]
    [InlineData("k|dance|y")]
    [InlineData("q|specialty|3")]
    public void Ids_this_bot_did_not_make_are_not_inputs(string id)
    {
        Assert.Null(ComponentIds.Parse(id, null));
    }
}
