using ChatCoach.Core.Engine;

namespace ChatCoach.Core.Scripts;

/// <summary>The scripts that can serve conversations, compiled once per version, and the rule that picks one for a session.</summary>
public sealed class ScriptCatalog : IScriptSource
{
    private readonly Dictionary<string, DialogEngine> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DialogEngine> _byVersion = new(StringComparer.Ordinal);
    private readonly string _defaultId;

    /// <summary>A catalog of already validated scripts; <paramref name="defaultId"/> names the one new conversations start.</summary>
    public ScriptCatalog(IEnumerable<Script> scripts, string defaultId)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        foreach (var script in scripts)
        {
            var engine = new DialogEngine(script);
            _live[script.Id] = engine;
            _byVersion[script.Version] = engine;
        }

        if (!_live.TryGetValue(defaultId, out var fallback))
        {
            throw new ArgumentException($"no script with id '{defaultId}' was loaded", nameof(defaultId));
        }

        Default = fallback;
        _defaultId = defaultId;
    }

    /// <summary>The engine new conversations start on.</summary>
    public DialogEngine Default { get; }

    /// <inheritdoc />
    DialogEngine IScriptSource.DefaultEngine => Default;

    /// <summary>The live scripts.</summary>
    public IEnumerable<Script> Scripts => _live.Values.Select(e => e.Script);

    /// <summary>The id of the default script.</summary>
    public string DefaultId => _defaultId;

    /// <summary>A catalog with <paramref name="script"/> added, or replacing the live script of the same id.</summary>
    public ScriptCatalog With(Script script) =>
        new(_live.Values.Select(e => e.Script).Where(s => s.Id != script?.Id).Append(script!), _defaultId);

    /// <inheritdoc />
    public DialogEngine? Find(string id) => _live.GetValueOrDefault(id);

    /// <summary>The engine of a live version, if it is one.</summary>
    public DialogEngine? FindVersion(string version) => _byVersion.GetValueOrDefault(version);

    /// <inheritdoc />
    public ValueTask<(DialogEngine Engine, bool Moved)> ForAsync(Session session, DateOnly today, CancellationToken cancellationToken) =>
        ValueTask.FromResult(For(session, today));

    /// <summary>
    /// The engine for a session: its own version when loaded; otherwise the live version of its script, with the
    /// session moved onto it (at the same question when it still exists with the same kind of answer, else at the
    /// first question its answers leave open). Returns whether the session was moved.
    /// </summary>
    public (DialogEngine Engine, bool Moved) For(Session session, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (_byVersion.TryGetValue(session.ScriptVersion, out var exact))
        {
            return (exact, false);
        }

        var engine = Find(session.ScriptId) ?? Default;
        var moved = SessionMigration.MoveTo(session, engine.Script, from: null, today);
        return (engine, moved);
    }
}
