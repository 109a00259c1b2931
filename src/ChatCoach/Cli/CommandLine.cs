namespace ChatCoach.Cli;

/// <summary>What the command line asked for: a verb, its arguments and options. <c>--ChatCoach:…</c> keys are configuration.</summary>
internal sealed record CommandLine(string Verb, IReadOnlyList<string> Arguments, string? User, string? Database, string? Script,
    IReadOnlyList<string> ConfigurationArgs)
{
    public const string Usage = """
        Usage:
          chatcoach [--db PATH]                   run the bot (Discord when a token is configured, else the terminal)
          chatcoach chat [--user NAME] [--db PATH] [--script ID|FILE]
                                                  chat in the terminal (default user: your OS user name)
          chatcoach dialogs validate [PATH]       check scripts (a file or a folder; default: the dialogs folder)
          chatcoach dialogs test [PATH]           replay the golden conversations of PATH/tests
          chatcoach dialogs graph ID              the script ID as a Mermaid diagram
          chatcoach dialogs classify [--script ID|FILE]
                                                  print the safety level of each message read from stdin, one a line
          chatcoach stats [--db PATH]             the funnel per script version (no message text)
        Configuration keys may follow as --ChatCoach:Section:Key=value (or come from appsettings.json and
        environment variables such as ChatCoach__Database__ConnectionString).
        """;

    private static readonly Dictionary<string, (int Min, int Max, string[] Options)> Verbs = new(StringComparer.Ordinal)
    {
        ["run"] = (0, 0, ["--db"]),
        ["chat"] = (0, 0, ["--user", "--db", "--script"]),
        ["dialogs"] = (1, 2, ["--script"]),
        ["stats"] = (0, 0, ["--db"]),
    };

    /// <summary>Parses the arguments, or returns the reason they cannot be understood.</summary>
    public static (CommandLine? Parsed, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var configuration = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--ChatCoach:", StringComparison.OrdinalIgnoreCase) || arg.StartsWith("--Logging:", StringComparison.OrdinalIgnoreCase))
            {
                configuration.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                {
                    configuration.Add(args[++i]);
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return (null, $"'{arg}' needs a value");
                }

                options[arg] = args[++i];
            }
            else if (arg.StartsWith('-'))
            {
                return (null, $"unknown option '{arg}'");
            }
            else
            {
                positional.Add(arg);
            }
        }

        var verb = positional.Count > 0 ? positional[0] : "run";
        if (!Verbs.TryGetValue(verb, out var shape))
        {
            return (null, $"unknown command '{verb}'");
        }

        var arguments = positional.Skip(1).ToList();
        if (arguments.Count < shape.Min || arguments.Count > shape.Max)
        {
            return (null, $"wrong number of arguments for '{verb}'");
        }

        if (options.Keys.FirstOrDefault(o => !shape.Options.Contains(o)) is { } unknown)
        {
            return (null, $"unknown option '{unknown}' for '{verb}'");
        }

        return (new CommandLine(verb, arguments, options.GetValueOrDefault("--user"), options.GetValueOrDefault("--db"),
            options.GetValueOrDefault("--script"), configuration), null);
    }
}
