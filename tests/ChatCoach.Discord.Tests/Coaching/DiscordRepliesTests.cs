using System.Text.Json;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;
using ChatCoach.Discord.Coaching;
using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Tests.Coaching;

public sealed class DiscordRepliesTests
{
    private static Choice[] Choices(int count) => [.. Enumerable.Range(1, count).Select(i => new Choice($"c{i}", $"Choice {i}", []))];

    [Fact]
    public void Up_to_five_choices_are_buttons_on_the_last_chunk_of_a_long_question()
    {
        var reply = new Reply(new string('x', 2500) + " Which one?") { Node = "q", Turn = 3, Choices = Choices(5) };

        var messages = DiscordReplies.Render(reply).ToList();

        Assert.Equal(2, messages.Count);
        Assert.Null(messages[0].Components);
        var buttons = Assert.Single(messages[1].Components!).Components.Cast<Button>().ToList();
        Assert.Equal(["q|q|3|c1", "q|q|3|c2", "q|q|3|c3", "q|q|3|c4", "q|q|3|c5"], buttons.Select(b => b.CustomId));
    }

    [Fact]
    public void More_than_five_choices_are_a_select_menu()
    {
        var message = Assert.Single(DiscordReplies.Render(new Reply("Which?") { Node = "q", Turn = 1, Choices = Choices(14) }));

        var select = Assert.IsType<StringSelect>(Assert.Single(Assert.Single(message.Components!).Components));
        Assert.Equal("q|q|1", select.CustomId);
        Assert.Equal(14, select.Options.Count);
    }

    [Fact]
    public void Replies_to_a_command_come_as_one_message_with_the_components_of_the_last()
    {
        var messages = DiscordReplies.RenderTogether([new Reply("Sure."), new Reply("Start over?") { Confirms = Command.Start }]);

        var message = Assert.Single(messages);
        Assert.Equal("Sure.\n\nStart over?", message.Content);
        Assert.Equal(["k|start|y", "k|start|n"], Assert.Single(message.Components!).Components.Cast<Button>().Select(b => b.CustomId));
    }

    [Fact]
    public void An_answered_question_keeps_its_text_with_every_button_disabled_and_the_choice_highlighted()
    {
        var components = JsonDocument.Parse("""
            [{"type":1,"components":[
              {"type":2,"style":1,"label":"US","custom_id":"q|school|4|us"},
              {"type":2,"style":1,"label":"Abroad","custom_id":"q|school|4|abroad"}]}]
            """).RootElement;
        var question = new DiscordMessage { Id = "m", ChannelId = "c", Content = "Where is your school?", Components = components };

        var answered = DiscordReplies.Answered(question, "q|school|4|abroad", null);

        Assert.Equal("Where is your school?", answered.Content);
        var buttons = Assert.Single(answered.Components!).Components.Cast<Button>().ToList();
        Assert.All(buttons, b => Assert.True(b.Disabled));
        Assert.Equal([ButtonStyle.Secondary, ButtonStyle.Success], buttons.Select(b => b.Style));
    }
}
