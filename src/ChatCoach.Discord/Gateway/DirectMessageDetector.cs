using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Gateway;

// PROTOCOL.md §2.1: channel_type is authoritative; without it a missing guild_id is not enough on its own
// (ephemeral messages lack guild_id too), so channels already known to be DMs are remembered.
internal sealed class DirectMessageDetector
{
    private const int MaxRemembered = 10_000;
    private readonly HashSet<string> _dmChannels = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool IsDirectMessage(DiscordMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ChannelType is { } type)
        {
            if (type == DiscordChannelType.DirectMessage)
            {
                Remember(message.ChannelId);
                return true;
            }

            return false;
        }

        if (message.GuildId is not null)
        {
            return false;
        }

        if (IsKnown(message.ChannelId))
        {
            return true;
        }

        return (message.Flags ?? MessageFlags.None).HasFlag(MessageFlags.Ephemeral) is false;
    }

    public void Learn(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Channel is { Type: DiscordChannelType.DirectMessage } channel)
        {
            Remember(channel.Id);
        }
    }

    private bool IsKnown(string channelId)
    {
        lock (_lock)
        {
            return _dmChannels.Contains(channelId);
        }
    }

    private void Remember(string channelId)
    {
        lock (_lock)
        {
            // A crude cap keeps a long-running bot from growing without bound; forgetting only weakens the fallback.
            if (_dmChannels.Count >= MaxRemembered)
            {
                _dmChannels.Clear();
            }

            _dmChannels.Add(channelId);
        }
    }
}
