namespace ChatCoach.Core.Conversations;

/// <summary>Small facts the bot remembers across restarts, such as which slash commands it last registered.</summary>
public interface IBotState
{
    /// <summary>The value stored under <paramref name="key"/>, or null.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any earlier value.</summary>
    Task SetAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>
    /// The value stored under <paramref name="key"/>; when there is none, stores <paramref name="value"/> first. Of
    /// two hosts racing, both get the value the first one stored.
    /// </summary>
    Task<string> GetOrAddAsync(string key, string value, CancellationToken cancellationToken);
}
