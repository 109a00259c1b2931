using System.Collections.Concurrent;
using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Outbox;

/// <summary>
/// The last message with buttons sent to each user in their DM, so an answer typed instead of clicked can retire its
/// buttons. In memory only: after a restart an old button still works as far as a stale click goes.
/// </summary>
internal sealed class OpenQuestions
{
    private readonly ConcurrentDictionary<string, DiscordMessage> _open = new(StringComparer.Ordinal);

    public void Remember(string userId, DiscordMessage message) => _open[userId] = message;

    public DiscordMessage? Take(string userId) => _open.TryRemove(userId, out var message) ? message : null;
}
