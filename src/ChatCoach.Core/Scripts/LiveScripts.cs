using System.Collections.Concurrent;
using System.Text;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Goldens;
using ChatCoach.Core.Safety;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Core.Scripts;

/// <summary>
/// The scripts serving conversations now, reloaded without breaking anyone: a changed script goes live only when
/// it validates and passes its golden conversations, otherwise the last good version keeps serving. Every
/// version is kept in the history, so a session whose question disappeared finishes on the version it started.
/// </summary>
public sealed partial class LiveScripts(DialogsOptions options, IScriptHistory history, TimeProvider time, ILogger<LiveScripts> logger)
    : IScriptSource, IDisposable
{
    private readonly ConcurrentDictionary<string, DialogEngine> _engines = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ScriptCatalog? _live;

    /// <summary>The live scripts.</summary>
    public ScriptCatalog Live => _live ?? throw new InvalidOperationException("the scripts have not been loaded yet");

    /// <inheritdoc />
    public DialogEngine DefaultEngine => Live.Default;

    /// <inheritdoc />
    public DialogEngine? Find(string id) => Live.Find(id);

    /// <inheritdoc />
    public async ValueTask<(DialogEngine Engine, bool Moved)> ForAsync(Session session, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var live = Live;
        if (live.FindVersion(session.ScriptVersion) is { } current)
        {
            return (current, false);
        }

        var target = live.Find(session.ScriptId) ?? live.Default;
        var old = await EngineOfAsync(session.ScriptVersion, cancellationToken);
        if (old is not null && session.Node is { } node && old.Script.Nodes.TryGetValue(node, out var at)
            && at.Type != NodeType.End && !SessionMigration.SameStep(node, target.Script, old.Script))
        {
            // The question it stands at is gone or changed kind: finish on the version it started, never reset.
            return (old, false);
        }

        var moved = SessionMigration.MoveTo(session, target.Script, old?.Script, today);
        return (target, moved);
    }

    /// <summary>
    /// Loads the dialogs folder and makes every changed script that passes validation and its golden
    /// conversations live. <paramref name="actor"/> is audited: a moderator id, "file change", "startup".
    /// </summary>
    public async Task<ReloadReport> ReloadAsync(string actor, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ReloadLockedAsync(actor, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Checks a script submitted by a moderator (validation and golden conversations) and, when it passes,
    /// writes it to the dialogs folder as <c>ID.yaml</c> (or over the file its id already lives in) and makes it live.
    /// </summary>
    public async Task<ReloadReport> SubmitAsync(string content, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var draft = ScriptLoader.Load("upload.yaml", content);
            if (draft.Script is not { } script)
            {
                return new ReloadReport([await AuditAsync(actor, "upload", null, ScriptLoader.VersionOf(content), ReloadOutcome.Refused,
                    Lines(draft.Problems), cancellationToken)]);
            }

            var file = Live.Find(script.Id)?.Script.File ?? Path.Combine(options.Path, $"{script.Id}.yaml");
            var failures = await GoldenFailuresAsync(script, cancellationToken);
            if (failures.Count > 0)
            {
                return new ReloadReport([await AuditAsync(actor, script.Id, Live.Find(script.Id)?.Script.Version, script.Version,
                    ReloadOutcome.Refused, string.Join("\n", failures), cancellationToken)]);
            }

            await File.WriteAllTextAsync(file, content, cancellationToken);
            return await ReloadLockedAsync(actor, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes a kept version (named by a hash prefix, as git takes) back to its file and makes it live.</summary>
    public async Task<ReloadReport> RollbackAsync(string versionPrefix, string actor, CancellationToken cancellationToken)
    {
        var matches = await history.FindByPrefixAsync(versionPrefix, cancellationToken);
        if (matches.Count != 1)
        {
            var why = matches.Count == 0 ? $"no kept version starts with '{versionPrefix}'" : $"'{versionPrefix}' matches {matches.Count} versions; give more characters";
            return new ReloadReport([new ReloadLine(string.Empty, versionPrefix, ReloadOutcome.Refused, why)]);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var kept = matches[0];
            var file = Live.Find(kept.ScriptId)?.Script.File ?? kept.File;
            await File.WriteAllTextAsync(file, kept.Content, cancellationToken);
            return await ReloadLockedAsync(actor, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Follows the database, where replicas sharing it keep the truth: every script whose version last made live (by any
    /// replica) differs from this folder's is written into the folder, and the folder is reloaded when anything was live
    /// already. At start, before the first <see cref="ReloadAsync"/>, it only writes the files, so the folder starts on
    /// what the other replicas serve rather than on the copy this replica was deployed with.
    /// </summary>
    public async Task<ReloadReport> FollowAsync(string actor, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Read under the gate: an activation of this replica's own, in progress, is recorded before the gate opens.
            var wanted = await history.LiveVersionsAsync(cancellationToken);
            var here = _live?.Scripts ?? (await ScriptLoader.LoadAllAsync(options.Path, cancellationToken)).Scripts;
            var changed = false;
            foreach (var kept in wanted)
            {
                var current = here.FirstOrDefault(s => s.Id == kept.ScriptId);
                if (current?.Version == kept.Version)
                {
                    continue;
                }

                var file = current?.File ?? Path.Combine(options.Path, Path.GetFileName(kept.File));
                if (await EditedHereAsync(file, kept.Version, cancellationToken))
                {
                    continue;
                }

                await File.WriteAllTextAsync(file, kept.Content, cancellationToken);
                changed = true;
            }

            return changed && _live is not null ? await ReloadLockedAsync(actor, cancellationToken) : new ReloadReport([]);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Whether the file holds a version no host has ever made live: a moderator's edit, made while this host was stopped
    /// or not yet reloaded. It is left for the reload to check (and, when it passes, to make live everywhere); writing
    /// the database's version over it would lose that work. A version made live before is a stale copy, and a file that
    /// does not load is no script to keep: both are replaced.
    /// </summary>
    private async Task<bool> EditedHereAsync(string file, string wanted, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        var content = await File.ReadAllTextAsync(file, cancellationToken);
        var onDisk = ScriptLoader.VersionOf(content);
        return onDisk != wanted && ScriptLoader.Load(file, content).Script is not null
            && await history.FindAsync(onDisk, cancellationToken) is null;
    }

    private async Task<ReloadReport> ReloadLockedAsync(string actor, CancellationToken cancellationToken)
    {
        var (scripts, problems) = await ScriptLoader.LoadAllAsync(options.Path, cancellationToken);
        var before = _live;
        // Audited only once the catalog is swapped: an activation row means the script is being served.
        var audits = new List<(string Id, string? From, string To, ReloadOutcome Outcome, string Result)>();
        var accepted = new Dictionary<string, Script>(StringComparer.Ordinal);

        foreach (var script in scripts)
        {
            var previous = before?.Find(script.Id)?.Script;
            if (previous?.Version == script.Version || accepted.ContainsKey(script.Id))
            {
                accepted.TryAdd(script.Id, previous ?? script);
                continue;
            }

            var failures = await history.FindAsync(script.Version, cancellationToken) is null
                ? await GoldenFailuresAsync(script, cancellationToken)
                : [];
            if (failures.Count == 0)
            {
                accepted[script.Id] = script;
                await history.KeepAsync(script, script.Source, cancellationToken);
                audits.Add((script.Id, previous?.Version, script.Version, ReloadOutcome.Activated, "valid; golden conversations passed"));
            }
            else
            {
                if (previous is not null)
                {
                    accepted[script.Id] = previous;
                }

                audits.Add((script.Id, previous?.Version, script.Version, ReloadOutcome.Refused, string.Join("\n", failures)));
            }
        }

        foreach (var broken in problems.GroupBy(p => p.File))
        {
            // A broken file names no reliable id: it is the script that was last loaded from that file.
            var previous = before?.Scripts.FirstOrDefault(s => SameFile(s.File, broken.Key));
            if (previous is not null)
            {
                accepted.TryAdd(previous.Id, previous);
            }

            var version = File.Exists(broken.Key) ? ScriptLoader.VersionOf(await File.ReadAllTextAsync(broken.Key, cancellationToken)) : string.Empty;
            audits.Add((previous?.Id ?? Path.GetFileNameWithoutExtension(broken.Key), previous?.Version, version, ReloadOutcome.Refused, Lines(broken)));
        }

        if (before is not null && !accepted.ContainsKey(before.DefaultId))
        {
            accepted[before.DefaultId] = before.Default.Script;
        }

        if (!accepted.ContainsKey(options.Default))
        {
            return new ReloadReport(await AuditAllAsync(actor, audits, cancellationToken)) { Failed = true };
        }

        var catalog = new ScriptCatalog(accepted.Values, options.Default);
        foreach (var script in accepted.Values)
        {
            _engines.TryAdd(script.Version, catalog.FindVersion(script.Version)!);
        }

        _live = catalog;
        return new ReloadReport(await AuditAllAsync(actor, audits, cancellationToken));
    }

    private async Task<List<ReloadLine>> AuditAllAsync(string actor, List<(string Id, string? From, string To, ReloadOutcome Outcome, string Result)> audits,
        CancellationToken cancellationToken)
    {
        var lines = new List<ReloadLine>();
        foreach (var (id, from, to, outcome, result) in audits)
        {
            lines.Add(await AuditAsync(actor, id, from, to, outcome, result, cancellationToken));
        }

        return lines;
    }

    private async Task<ReloadLine> AuditAsync(string actor, string scriptId, string? from, string to, ReloadOutcome outcome, string result,
        CancellationToken cancellationToken)
    {
        await history.RecordAsync(new Activation(time.GetUtcNow(), actor, scriptId, from, to, outcome == ReloadOutcome.Activated, result), cancellationToken);
        string shortFrom = Short(from), shortTo = Short(to);
        LogActivation(actor, scriptId, shortFrom, shortTo, outcome);

        return new ReloadLine(scriptId, to, outcome, result);
    }

    /// <summary>The crisis corpus figures and the golden conversations of this script, replayed against it in memory: failures, or none.</summary>
    private async Task<List<string>> GoldenFailuresAsync(Script script, CancellationToken cancellationToken)
    {
        var failures = (await CorpusCheck.RunAsync(script, options.Path, cancellationToken)).Failures.ToList();
        var folder = Path.Combine(options.Path, "tests");
        if (!Directory.Exists(folder))
        {
            return failures;
        }

        var (goldens, problems) = await GoldenLoader.LoadFolderAsync(folder, cancellationToken);
        failures.AddRange(problems.Select(p => p.ToString()));
        var others = _live?.Scripts.Where(s => s.Id != script.Id) ?? [];
        var catalog = new ScriptCatalog([.. others, script], script.Id);
        var runner = new GoldenRunner(catalog, new InMemorySessionStore(), time);
        foreach (var golden in goldens.Where(g => g.Script == script.Id))
        {
            failures.AddRange((await runner.RunAsync(golden, cancellationToken)).Failures);
        }

        return failures;
    }

    private async Task<DialogEngine?> EngineOfAsync(string version, CancellationToken cancellationToken)
    {
        if (_engines.TryGetValue(version, out var engine))
        {
            return engine;
        }

        if (await history.FindAsync(version, cancellationToken) is not { } kept)
        {
            return null;
        }

        // A session on an older version reads risk with the learned reader beside the scripts here (the file kept may
        // name another host's folder); should that model not load, with the version's patterns alone.
        var here = Path.Combine(options.Path, Path.GetFileName(kept.File));
        if (((await ScriptLoader.LoadAsync(here, kept.Content, cancellationToken)).Script ?? ScriptLoader.Load(kept.File, kept.Content).Script) is not { } script)
        {
            return null;
        }

        return _engines.GetOrAdd(version, _ => new DialogEngine(script));
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static bool SameFile(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static string Lines(IEnumerable<ScriptProblem> problems) => new StringBuilder().AppendJoin('\n', problems).ToString();

    private static string Short(string? version) => version is null ? "(none)" : version[..Math.Min(12, version.Length)];

    // Script ids and hashes only: never what users said.
    [LoggerMessage(Level = LogLevel.Information, Message = "Script {ScriptId}: {Outcome} {To} (was {From}) by {Actor}")]
    private partial void LogActivation(string actor, string scriptId, string from, string to, ReloadOutcome outcome);
}

/// <summary>What a reload did, script by script.</summary>
public sealed record ReloadReport(IReadOnlyList<ReloadLine> Lines)
{
    /// <summary>True when no version of the default script could be made live (only possible at the first load).</summary>
    public bool Failed { get; init; }

    /// <summary>Whether anything was refused.</summary>
    public bool AnyRefused => Lines.Any(l => l.Outcome == ReloadOutcome.Refused);

    /// <summary>The report for a moderator: one line per script, then the reasons of each refusal.</summary>
    public override string ToString() => Lines.Count == 0
        ? "Nothing changed."
        : string.Join("\n", Lines.Select(l => l.Outcome == ReloadOutcome.Activated
            ? $"{l.ScriptId}: live at {l.Version[..Math.Min(12, l.Version.Length)]}"
            : $"{l.ScriptId}: refused, the last good version keeps serving:\n{l.Result}"));
}

/// <summary>One script's outcome in a reload.</summary>
public sealed record ReloadLine(string ScriptId, string Version, ReloadOutcome Outcome, string Result);

/// <summary>Whether a script version went live.</summary>
public enum ReloadOutcome
{
    /// <summary>It is live now.</summary>
    Activated,

    /// <summary>It failed validation or its golden conversations; the previous version serves on.</summary>
    Refused,
}
