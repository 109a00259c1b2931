using ChatCoach.Core.Conversations;
using ChatCoach.Core.Scripts;
using ChatCoach.Discord.Coaching;
using ChatCoach.Storage;
using Microsoft.Extensions.Configuration;

namespace ChatCoach.Configuration;

/// <summary>
/// Every options class, bound from configuration and validated before anything starts, so a wrong value stops
/// the host at once with a message naming its key.
/// </summary>
internal sealed record Settings(DialogsOptions Dialogs, DatabaseOptions Database, PrivacyOptions Privacy, DiscordOptions Discord,
    ClockOptions Clock, LoggingOptions Logging, HttpOptions Http, Replica Replica)
{
    /// <summary>This replica's name in the audit (<c>ChatCoach:ReplicaId</c>); by default the host name and process id.</summary>
    public const string ReplicaIdKey = "ChatCoach:ReplicaId";

    private static readonly string[] KnownSections = ["Dialogs", "Database", "Privacy", "Discord", "Clock", "Logging", "Http", "ReplicaId"];

    /// <summary>Binds and validates; returns the settings, or every problem as "key: reason".</summary>
    public static (Settings? Settings, IReadOnlyList<string> Problems) Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var section in configuration.GetSection("ChatCoach").GetChildren().Where(c => !KnownSections.Contains(c.Key)))
        {
            problems.Add($"{section.Path}: unknown section; known: {string.Join(", ", KnownSections)}");
        }

        var dialogs = Bind<DialogsOptions>(configuration, DialogsOptions.Section, problems);
        var database = Bind<DatabaseOptions>(configuration, DatabaseOptions.Section, problems);
        var privacy = Bind<PrivacyOptions>(configuration, PrivacyOptions.Section, problems);
        var discord = Bind<DiscordOptions>(configuration, DiscordOptions.Section, problems);
        var clock = Bind<ClockOptions>(configuration, ClockOptions.Section, problems);
        problems.AddRange(discord?.Problems() ?? []);
        var logging = Bind<LoggingOptions>(configuration, LoggingOptions.Section, problems);
        problems.AddRange(logging?.Problems() ?? []);
        var http = Bind<HttpOptions>(configuration, HttpOptions.Section, problems);
        problems.AddRange(http?.Problems() ?? []);

        if (dialogs is not null)
        {
            // Unless a path is given, the dialogs/ published beside the executable serve when the working folder has none.
            var published = System.IO.Path.Combine(AppContext.BaseDirectory, dialogs.Path);
            if (configuration[$"{DialogsOptions.Section}:Path"] is null && !Directory.Exists(dialogs.Path) && Directory.Exists(published))
            {
                dialogs.Path = published;
            }

            Require(problems, $"{DialogsOptions.Section}:Path", dialogs.Path, "must name the folder of dialog scripts");
            Require(problems, $"{DialogsOptions.Section}:Default", dialogs.Default, "must name the script new conversations start");
        }

        if (database is not null)
        {
            if (!Enum.IsDefined(database.Provider))
            {
                problems.Add($"{DatabaseOptions.Section}:Provider: '{database.Provider}' is not supported; use Sqlite or Postgres");
            }
            else if (StorageServiceCollectionExtensions.ProblemWith(database) is { } reason)
            {
                problems.Add($"{DatabaseOptions.Section}:ConnectionString: {reason}");
            }
        }

        var replica = configuration[ReplicaIdKey] is { Length: > 0 } id ? new Replica(id.Trim()) : Replica.Default();
        return problems.Count == 0 ? (new Settings(dialogs!, database!, privacy!, discord!, clock!, logging!, http!, replica), problems) : (null, problems);
    }

    private static T? Bind<T>(IConfiguration configuration, string section, List<string> problems)
        where T : class, new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key ("... at 'ChatCoach:Privacy:StoreTranscripts' ...").
            problems.Add($"{section}: {e.Message}");
            return null;
        }
    }

    private static void Require(List<string> problems, string key, string? value, string reason)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key}: {reason}");
        }
    }
}
