using System.Collections;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Core.Logging;

/// <summary>
/// The logging scope of one turn, from the event that starts it to the reply that ends it: a correlation id (the
/// platform's event id when there is one) and the user's keyed hash, as structured properties on every line inside.
/// </summary>
public sealed class TurnScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _properties;

    private TurnScope(string correlationId, string user) =>
        _properties = [new("CorrelationId", correlationId), new("User", user)];

    /// <inheritdoc/>
    public int Count => _properties.Length;

    /// <inheritdoc/>
    public KeyValuePair<string, object?> this[int index] => _properties[index];

    /// <summary>Opens the scope; dispose it once the reply is out. The correlation id is made up when there is no event id.</summary>
    public static IDisposable? Begin(ILogger logger, UserHasher hasher, string platform, string userId, string? eventId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(hasher);
        return logger.BeginScope(new TurnScope(eventId ?? Guid.NewGuid().ToString("N")[..16], hasher.Hash(platform, userId)));
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_properties).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>How the text format shows the scope.</summary>
    public override string ToString() => $"turn {_properties[0].Value} user {_properties[1].Value}";
}
