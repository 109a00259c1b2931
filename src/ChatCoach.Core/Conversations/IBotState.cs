namespace ChatCoach.Core.Conversations;

/// <summary>Small facts the bot remembers across restarts, such as which slash commands it last registered.</summary>
public interface IBotState
{
    /// <summary>The value stored under <paramref name="key"/>, or null.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any earlier value.</summary>
    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
