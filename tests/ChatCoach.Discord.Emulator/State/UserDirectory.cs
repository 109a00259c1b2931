namespace ChatCoach.Discord.Emulator.State;

internal sealed record EmulatedUser(string Id, string Username, string GlobalName, bool IsBot);

/// <summary>Users the emulator knows; any snowflake becomes a user on first use.</summary>
internal sealed class UserDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EmulatedUser> _users = [];
    private readonly HashSet<string> _dmBlocked = [];

    public EmulatedUser GetOrAdd(string userId, bool isBot = false)
    {
        if (!Wire.IsSnowflake(userId))
        {
            throw new ArgumentException($"'{userId}' is not a snowflake (digits only).", nameof(userId));
        }

        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user))
            {
                user = new EmulatedUser(userId, $"user{userId}", $"User {userId}", isBot);
                _users[userId] = user;
            }

            return user;
        }
    }

    public void SetDirectMessagesBlocked(string userId, bool blocked)
    {
        lock (_gate)
        {
            if (blocked)
            {
                _dmBlocked.Add(userId);
            }
            else
            {
                _dmBlocked.Remove(userId);
            }
        }
    }

    public bool AcceptsDirectMessages(string userId)
    {
        lock (_gate)
        {
            return !_dmBlocked.Contains(userId);
        }
    }
}
