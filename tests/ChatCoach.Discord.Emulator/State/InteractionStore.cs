namespace ChatCoach.Discord.Emulator.State;

/// <summary>Every interaction dispatched, by id and by token.</summary>
internal sealed class InteractionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredInteraction> _byId = [];
    private readonly Dictionary<string, StoredInteraction> _byToken = new(StringComparer.Ordinal);
    private readonly List<StoredInteraction> _order = [];

    public void Add(StoredInteraction interaction)
    {
        lock (_gate)
        {
            _byId[interaction.Id] = interaction;
            _byToken[interaction.Token] = interaction;
            _order.Add(interaction);
        }
    }

    /// <summary>Runs <paramref name="action"/> under the store's lock with the interaction of that id (null when unknown).</summary>
    public T WithId<T>(string id, Func<StoredInteraction?, T> action)
    {
        lock (_gate)
        {
            return action(_byId.GetValueOrDefault(id));
        }
    }

    /// <summary>Runs <paramref name="action"/> under the store's lock with the interaction of that token (null when unknown).</summary>
    public T WithToken<T>(string token, Func<StoredInteraction?, T> action)
    {
        lock (_gate)
        {
            return action(_byToken.GetValueOrDefault(token));
        }
    }

    public IReadOnlyList<EmulatedInteraction> Snapshot()
    {
        lock (_gate)
        {
            return [.. _order.Select(i => i.Snapshot())];
        }
    }
}
