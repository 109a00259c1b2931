using System.Text.Json;
using ChatCoach.Core.Engine;
using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Coaching;

/// <summary>How the engine's replies look on Discord: split to fit, with buttons (or a select) for choices and confirmations.</summary>
internal static class DiscordReplies
{
    private const int MaxButtons = 5;

    /// <summary>The messages for one reply; its components ride on the last one.</summary>
    public static IEnumerable<OutgoingMessage> Render(Reply reply, MessageFlags flags = MessageFlags.None)
    {
        var chunks = MessageSplitter.Split(reply.Text);
        for (var i = 0; i < chunks.Count; i++)
        {
            yield return new OutgoingMessage(chunks[i])
            {
                Flags = flags,
                Components = i == chunks.Count - 1 ? Components(reply) : null,
            };
        }
    }

    /// <summary>
    /// Several replies as one answer to a slash command (split only where Discord's length limit demands), with the
    /// components of the last one, so a command gets one response rather than a trail of follow-ups.
    /// </summary>
    public static IReadOnlyList<OutgoingMessage> RenderTogether(IReadOnlyList<Reply> replies) =>
        replies.Count == 0 ? [] : [.. Render(replies[^1] with { Text = string.Join("\n\n", replies.Select(r => r.Text)) })];

    private static List<ActionRow>? Components(Reply reply)
    {
        if (reply.Confirms is { } command)
        {
            return [new ActionRow(
                new Button(ComponentIds.Confirm(command, yes: true), "Yes", ButtonStyle.Danger),
                new Button(ComponentIds.Confirm(command, yes: false), "No", ButtonStyle.Secondary))];
        }

        if (reply.Node is not { } node || reply.Choices.Count == 0)
        {
            return null;
        }

        if (reply.Choices.Count <= MaxButtons)
        {
            return [new ActionRow(reply.Choices.Select(c => new Button(ComponentIds.Choice(node, reply.Turn, c.Id), c.Label)))];
        }

        return [new ActionRow(new StringSelect(ComponentIds.Choice(node, reply.Turn, null),
            reply.Choices.Take(ComponentLimits.MaxSelectOptions).Select(c => new SelectOption(c.Label, c.Id)))
        {
            Placeholder = "Choose one",
        })];
    }

    /// <summary>
    /// The answered question as it should now look: same text, every button disabled, the chosen one highlighted
    /// (or the select showing the choice), so the conversation reads clearly when scrolled back.
    /// </summary>
    public static OutgoingMessage Answered(DiscordMessage question, string clickedId, string? selectedValue)
    {
        var rows = new List<ActionRow>();
        if (question.Components is { ValueKind: JsonValueKind.Array } received)
        {
            foreach (var row in received.EnumerateArray())
            {
                var disabled = new List<MessageComponent>();
                foreach (var component in row.GetProperty("components").EnumerateArray())
                {
                    var id = component.GetProperty("custom_id").GetString() ?? string.Empty;
                    if (component.GetProperty("type").GetInt32() == 2)
                    {
                        var label = component.GetProperty("label").GetString() ?? id;
                        disabled.Add(new Button(id, label, id == clickedId ? ButtonStyle.Success : ButtonStyle.Secondary) { Disabled = true });
                    }
                    else
                    {
                        var options = component.GetProperty("options").EnumerateArray()
                            .Select(o => new SelectOption(o.GetProperty("label").GetString()!, o.GetProperty("value").GetString()!)
                            {
                                Default = o.GetProperty("value").GetString() == selectedValue,
                            });
                        disabled.Add(new StringSelect(id, options) { Disabled = true });
                    }
                }

                rows.Add(new ActionRow(disabled));
            }
        }

        return new OutgoingMessage(question.Content) { Components = rows };
    }
}
