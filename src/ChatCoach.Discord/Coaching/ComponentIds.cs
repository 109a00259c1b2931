using System.Globalization;
using ChatCoach.Core.Engine;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// Custom ids that describe themselves (question, turn, value), so a click still works after a restart and a
/// click on an old question can be recognised: <c>q|node|turn|choice</c> for buttons, <c>q|node|turn</c> for a
/// select (the value carries the choice), <c>k|command|y</c> or <c>k|command|n</c> for confirmations.
/// </summary>
internal static class ComponentIds
{
    private const char Separator = '|';

    public static string Choice(string node, int turn, string? choiceId) =>
        choiceId is null ? string.Join(Separator, "q", node, turn.ToString(CultureInfo.InvariantCulture))
            : string.Join(Separator, "q", node, turn.ToString(CultureInfo.InvariantCulture), choiceId);

    public static string Confirm(Command command, bool yes) => string.Join(Separator, "k", command.ToString().ToLowerInvariant(), yes ? "y" : "n");

    /// <summary>The input a click stands for, or null for an id this bot did not make.</summary>
    public static Input? Parse(string customId, IReadOnlyList<string>? values)
    {
        var parts = customId.Split(Separator, 4);
        if (parts is ["q", var node, var turnText, ..] && int.TryParse(turnText, CultureInfo.InvariantCulture, out var turn))
        {
            var choice = parts.Length == 4 ? parts[3] : values is [var value, ..] ? value : null;
            return choice is null ? null : Input.Click(node, turn, choice);
        }

        if (parts is ["k", var command, var answer] && Enum.TryParse<Command>(command, ignoreCase: true, out var parsed))
        {
            return Input.Confirm(parsed, answer == "y");
        }

        return null;
    }
}
