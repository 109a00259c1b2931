using ChatCoach.Core.Engine;

namespace ChatCoach.Core.Scripts;

/// <summary>Where the conversation service gets engines: the default for new conversations, and the right one for a session.</summary>
public interface IScriptSource
{
    /// <summary>The engine new conversations start on.</summary>
    DialogEngine DefaultEngine { get; }

    /// <summary>The live engine of a script id, if any.</summary>
    DialogEngine? Find(string id);

    /// <summary>The engine a session continues on; the session may be moved to another version. Returns whether it moved question.</summary>
    ValueTask<(DialogEngine Engine, bool Moved)> ForAsync(Session session, DateOnly today, CancellationToken cancellationToken);
}
