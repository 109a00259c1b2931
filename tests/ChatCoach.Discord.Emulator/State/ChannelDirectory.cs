namespace ChatCoach.Discord.Emulator.State;

/// <summary>
/// A channel: type 1 (the bot's DM with <see cref="RecipientId"/>), 0 (guild text), or 3 (a group DM of
/// <see cref="RecipientId"/> and others, where a user-installed app is used in context 2 but has no access).
/// </summary>
internal sealed record ChannelRecord(string Id, int Type, string? GuildId, string? RecipientId, string Name)
{
    public bool IsDm => Type == 1;

    /// <summary>A group DM or someone else's DM: the bot answers there only through interactions (50001 otherwise).</summary>
    public bool IsOthersPrivateChannel => Type == 3;
}

/// <summary>DM channels (one per user, like Discord) and guild text channels.</summary>
internal sealed class ChannelDirectory(SnowflakeGenerator ids)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ChannelRecord> _channels = [];
    private readonly Dictionary<string, string> _dmByUser = [];
    private readonly Dictionary<string, string> _defaultByGuild = [];

    public ChannelRecord DmWith(string userId)
    {
        lock (_gate)
        {
            if (_dmByUser.TryGetValue(userId, out var existing))
            {
                return _channels[existing];
            }

            var channel = new ChannelRecord(ids.Next(), 1, null, userId, string.Empty);
            _channels[channel.Id] = channel;
            _dmByUser[userId] = channel.Id;
            return channel;
        }
    }

    /// <summary>A group DM the user is in and the bot is not (one per user is enough for tests).</summary>
    public ChannelRecord GroupDmOf(string userId)
    {
        lock (_gate)
        {
            var key = "group:" + userId;
            if (_dmByUser.TryGetValue(key, out var existing))
            {
                return _channels[existing];
            }

            var channel = new ChannelRecord(ids.Next(), 3, null, userId, "study group");
            _channels[channel.Id] = channel;
            _dmByUser[key] = channel.Id;
            return channel;
        }
    }

    public ChannelRecord GuildChannel(string guildId, string? channelId)
    {
        lock (_gate)
        {
            if (channelId is null && _defaultByGuild.TryGetValue(guildId, out var defaultId))
            {
                return _channels[defaultId];
            }

            if (channelId is not null && _channels.TryGetValue(channelId, out var known))
            {
                return known.GuildId == guildId
                    ? known
                    : throw new ArgumentException($"Channel {channelId} belongs to guild {known.GuildId}, not {guildId}.", nameof(channelId));
            }

            var channel = new ChannelRecord(channelId ?? ids.Next(), 0, guildId, null, channelId is null ? "general" : $"channel-{channelId}");
            _channels[channel.Id] = channel;
            if (channelId is null)
            {
                _defaultByGuild[guildId] = channel.Id;
            }

            return channel;
        }
    }

    public ChannelRecord? Find(string channelId)
    {
        lock (_gate)
        {
            return _channels.GetValueOrDefault(channelId);
        }
    }

    public IReadOnlyList<ChannelRecord> InGuild(string guildId)
    {
        lock (_gate)
        {
            return [.. _channels.Values.Where(c => c.GuildId == guildId)];
        }
    }
}
