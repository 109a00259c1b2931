namespace ChatCoach.Discord.Coaching;

/// <summary>
/// Limits how many messages one user gets coached per 10 seconds, so one user cannot eat the bot's shared rate
/// limits. The first refused message in a burst earns one polite note; the rest are dropped quietly.
/// </summary>
internal sealed class FloodGate(int perTenSeconds, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, (Queue<DateTimeOffset> Recent, bool Noted)> _users = new(StringComparer.Ordinal);

    public FloodVerdict Check(string userId)
    {
        var now = time.GetUtcNow();
        lock (_users)
        {
            var (recent, noted) = _users.GetValueOrDefault(userId, (new Queue<DateTimeOffset>(), false));
            while (recent.TryPeek(out var oldest) && now - oldest >= Window)
            {
                recent.Dequeue();
            }

            if (recent.Count < perTenSeconds)
            {
                recent.Enqueue(now);
                _users[userId] = (recent, false);
                return FloodVerdict.Allowed;
            }

            _users[userId] = (recent, true);
            return noted ? FloodVerdict.Dropped : FloodVerdict.Noted;
        }
    }

    /// <summary>Forgets users with no message in the window, so the table holds only the active ones.</summary>
    public void Prune()
    {
        var now = time.GetUtcNow();
        lock (_users)
        {
            foreach (var idle in _users.Where(u => u.Value.Recent.Count == 0 || now - u.Value.Recent.Last() >= Window).Select(u => u.Key).ToList())
            {
                _users.Remove(idle);
            }
        }
    }
}

/// <summary>What to do with a user's message.</summary>
internal enum FloodVerdict
{
    /// <summary>Coach it.</summary>
    Allowed,

    /// <summary>Don't coach it; say once that they are going too fast.</summary>
    Noted,

    /// <summary>Don't coach it; the note was already sent.</summary>
    Dropped,
}
