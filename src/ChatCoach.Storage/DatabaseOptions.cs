namespace ChatCoach.Storage;

/// <summary>Which database holds the conversations (<c>ChatCoach:Database</c>).</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChatCoach:Database";

    /// <summary>The database engine: a SQLite file (the default) or a PostgreSQL server that several replicas share.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string: for SQLite a relative path is relative to the working directory; for PostgreSQL an
    /// Npgsql connection string (<c>Host=...;Database=...;Username=...;Password=...</c>).
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=data/chatcoach.db";

    /// <summary>
    /// When a saved turn reaches the disk on SQLite. <see cref="SqliteSynchronous.Normal"/> (the default) survives a crash
    /// of the process; <see cref="SqliteSynchronous.Full"/> also survives a power cut, at the cost of a flush per commit.
    /// PostgreSQL keeps its own durable settings (<c>fsync</c>, <c>synchronous_commit</c>).
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Normal;
}

/// <summary>The database engines ChatCoach runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file in WAL mode: one host.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: one or several replicas.</summary>
    Postgres,
}

/// <summary>SQLite's <c>synchronous</c> setting, in WAL mode.</summary>
public enum SqliteSynchronous
{
    /// <summary>Commits are appended to the write-ahead log without a flush: a process crash loses nothing, a power cut may lose the last turns.</summary>
    Normal,

    /// <summary>Every commit is flushed to the disk before its turn counts as saved: survives a power cut too.</summary>
    Full,
}
