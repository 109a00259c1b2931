namespace ChatCoach.Core.Scripts;

/// <summary>
/// Durable memory of script versions and their activations, so a session can finish on the version it started
/// on even after a restart, and every change of what is live is audited.
/// </summary>
public interface IScriptHistory
{
    /// <summary>Keeps a version's content (no-op when already kept).</summary>
    Task KeepAsync(Script script, string content, CancellationToken cancellationToken);

    /// <summary>The content of a kept version, with the file it came from; null when unknown.</summary>
    Task<KeptVersion?> FindAsync(string version, CancellationToken cancellationToken);

    /// <summary>The kept versions whose hash starts with <paramref name="prefix"/>.</summary>
    Task<IReadOnlyList<KeptVersion>> FindByPrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Records an activation attempt, successful or not.</summary>
    Task RecordAsync(Activation activation, CancellationToken cancellationToken);

    /// <summary>The most recent activations, newest first.</summary>
    Task<IReadOnlyList<Activation>> ActivationsAsync(int count, CancellationToken cancellationToken);

    /// <summary>
    /// The version each script last went live at, on any host sharing the database (its newest successful activation):
    /// what every replica serves.
    /// </summary>
    Task<IReadOnlyList<KeptVersion>> LiveVersionsAsync(CancellationToken cancellationToken);

    /// <summary>How many sessions run on each version.</summary>
    Task<IReadOnlyDictionary<string, int>> SessionsPerVersionAsync(CancellationToken cancellationToken);
}

/// <summary>A script version as kept: its id, hash, the file it came from and its text.</summary>
public sealed record KeptVersion(string ScriptId, string Version, string File, string Content, DateTimeOffset FirstSeen);

/// <summary>One attempt to make a script version live.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who: a moderator's id, or "file change", "startup", "reload".</param>
/// <param name="ScriptId">The script.</param>
/// <param name="FromVersion">The version live before (null for a new script).</param>
/// <param name="ToVersion">The version tried.</param>
/// <param name="Succeeded">Whether it went live.</param>
/// <param name="Result">The validation and golden-conversation result, one problem a line.</param>
public sealed record Activation(DateTimeOffset At, string Actor, string ScriptId, string? FromVersion, string ToVersion, bool Succeeded, string Result);
