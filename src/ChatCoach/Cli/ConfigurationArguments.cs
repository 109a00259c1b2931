namespace ChatCoach.Cli;

/// <summary>
/// Configuration overrides on the command line (<c>--ChatCoach:Section:Key=value</c>, <c>--ChatCoach:Section:Key value</c>,
/// <c>--Logging:...</c>) are taken out before parsing: they are configuration keys, not options of any verb.
/// </summary>
internal static class ConfigurationArguments
{
    private static readonly string[] Prefixes = ["--ChatCoach:", "--Logging:"];

    /// <summary>Splits the arguments into configuration overrides and what the parser reads.</summary>
    public static (IReadOnlyList<string> Configuration, IReadOnlyList<string> Parsed) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!Prefixes.Any(p => arg.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                rest.Add(arg);
                continue;
            }

            configuration.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
            {
                configuration.Add(args[++i]);
            }
        }

        return (configuration, rest);
    }
}
