using System.Text.Json;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;

namespace ChatCoach.Discord.Tests.Models;

public sealed class ComponentTests
{
    [Fact]
    public void Row_accepts_five_buttons_but_not_six()
    {
        var buttons = Enumerable.Range(0, 6).Select(i => new Button($"b{i}", $"B{i}")).ToArray();
        Assert.Equal(5, new ActionRow(buttons[..5]).Components.Count);
        Assert.Throws<ArgumentException>(() => new ActionRow(buttons));
    }

    [Fact]
    public void Select_must_be_alone_in_its_row()
    {
        var select = new StringSelect("s", [new SelectOption("A", "a")]);
        Assert.Throws<ArgumentException>(() => new ActionRow(select, new Button("b", "B")));
        Assert.Single(new ActionRow(select).Components);
    }

    [Fact]
    public void Button_label_and_custom_id_limits()
    {
        _ = new Button(new string('c', 100), new string('l', 80));
        Assert.Throws<ArgumentException>(() => new Button(new string('c', 101), "ok"));
        Assert.Throws<ArgumentException>(() => new Button("", "ok"));
        Assert.Throws<ArgumentException>(() => new Button("id", new string('l', 81)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Button("id", "ok", ButtonStyle.Link));
    }

    [Fact]
    public void Select_takes_one_to_twenty_five_unique_options()
    {
        var options = Enumerable.Range(0, 26).Select(i => new SelectOption($"O{i}", $"o{i}")).ToArray();
        Assert.Equal(25, new StringSelect("s", options[..25]).Options.Count);
        Assert.Throws<ArgumentException>(() => new StringSelect("s", options));
        Assert.Throws<ArgumentException>(() => new StringSelect("s", []));
        Assert.Throws<ArgumentException>(() => new StringSelect("s", [new SelectOption("A", "x"), new SelectOption("B", "x")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StringSelect("s", options[..2]) { MaxValues = 26 });
    }

    [Fact]
    public void Duplicate_custom_ids_in_a_row_are_rejected() =>
        Assert.Throws<ArgumentException>(() => new ActionRow(new Button("same", "A"), new Button("same", "B")));

    [Fact]
    public void Message_limits()
    {
        _ = new OutgoingMessage(new string('x', 2000));
        Assert.Throws<ArgumentException>(() => new OutgoingMessage(new string('x', 2001)));
        var row = new ActionRow(new Button("a", "A"));
        Assert.Throws<ArgumentException>(() => new OutgoingMessage("x") { Components = [row, row, row, row, row, row] });
    }

    [Fact]
    public void Channel_messages_cannot_be_ephemeral() =>
        Assert.Throws<ArgumentException>(() => MessagePayload.ForChannel(new OutgoingMessage("x") { Flags = MessageFlags.Ephemeral }, null));

    [Fact]
    public void Components_serialize_with_their_type_discriminator()
    {
        var payload = MessagePayload.ForEdit(new OutgoingMessage { Components = [new ActionRow(new Button("yes", "Yes", ButtonStyle.Success))] });
        var json = JsonSerializer.Serialize(payload, DiscordJson.Options);
        Assert.Equal("""{"components":[{"type":1,"components":[{"type":2,"style":3,"label":"Yes","custom_id":"yes"}]}],"allowed_mentions":{"parse":[]}}""", json);
    }
}
