namespace ChatCoach.Cli;

/// <summary>What the command line asked for: a verb and its options. Anything else is configuration.</summary>
internal sealed record CommandLine(string Verb, string? User, string? Database, string? Script, IReadOnlyList<string> ConfigurationArgs)
{
    public const string Usage = """
        Usage:
          chatcoach                          run the bot (Discord when a token is configured, else the terminal)
          chatcoach chat [--user NAME] [--db PATH] [--script ID|FILE]
                                             chat in the terminal (default user: your OS user name)
        Configuration keys may follow as --ChatCoach:Section:Key=value (or come from appsettings.json and
        environment variables such as ChatCoach__Database__ConnectionString).
        """;

    /// <summary>Parses the arguments, or returns the reason they cannot be understood.</summary>
    public static (CommandLine? Parsed, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? verb = null, user = null, database = null, script = null;
        var configuration = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') && verb is null)
            {
                verb = arg;
                if (verb is not ("run" or "chat"))
                {
                    return (null, $"unknown command '{verb}'");
                }
            }
            else if (arg is "--user" or "--db" or "--script")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return (null, $"'{arg}' needs a value");
                }

                var value = args[++i];
                _ = arg switch
                {
                    "--user" => user = value,
                    "--db" => database = value,
                    _ => script = value,
                };
            }
            else if (arg.StartsWith("--ChatCoach:", StringComparison.OrdinalIgnoreCase) || arg.StartsWith("--Logging:", StringComparison.OrdinalIgnoreCase))
            {
                configuration.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                {
                    configuration.Add(args[++i]);
                }
            }
            else
            {
                return (null, $"unknown option '{arg}'");
            }
        }

        verb ??= "run";
        if (verb != "chat" && (user ?? database ?? script) is not null)
        {
            return (null, "--user, --db and --script only apply to 'chatcoach chat'");
        }

        return (new CommandLine(verb, user, database, script, configuration), null);
    }
}
