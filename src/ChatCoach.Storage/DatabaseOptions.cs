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
}
