namespace ChatCoach.Storage;

/// <summary>Which database holds the conversations (<c>ChatCoach:Database</c>).</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChatCoach:Database";

    /// <summary>The database engine. Only <c>Sqlite</c> today.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The connection string; a relative SQLite path is relative to the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/chatcoach.db";

    /// <summary>
    /// When a saved turn reaches the disk. <see cref="SqliteSynchronous.Normal"/> (the default) survives a crash of the
    /// process; <see cref="SqliteSynchronous.Full"/> also survives a power cut, at the cost of a flush per commit.
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Normal;
}

/// <summary>SQLite's <c>synchronous</c> setting, in WAL mode.</summary>
public enum SqliteSynchronous
{
    /// <summary>Commits are appended to the write-ahead log without a flush: a process crash loses nothing, a power cut may lose the last turns.</summary>
    Normal,

    /// <summary>Every commit is flushed to the disk before its turn counts as saved: survives a power cut too.</summary>
    Full,
}
