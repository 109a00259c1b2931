using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using ChatCoach.Hosting;

namespace ChatCoach.Cli;

/// <summary>
/// The <c>chatcoach</c> command line on System.CommandLine: verbs, their options and help. Parsing never runs
/// anything; <see cref="InvokeAsync"/> hands the chosen verb to the caller as an <see cref="Invocation"/>.
/// </summary>
internal sealed class CommandLine
{
    /// <summary>The width the README's usage block is rendered at, and help when output is not a terminal.</summary>
    public const int HelpWidth = 100;

    private const string ConfigurationNote =
        "Configuration keys may follow any command as --ChatCoach:Section:Key=value (or --ChatCoach:Section:Key value, "
        + "--Logging:...), or come from appsettings.json and environment variables such as "
        + "ChatCoach__Database__ConnectionString.";

    private const string DatabaseOption = "--db";

    private static readonly ParserConfiguration Parser = new() { ResponseFileTokenReplacer = null };

    private readonly Dictionary<Command, string> _verbs = [];
    private readonly Option<string> _user = new("--user") { Description = "who is chatting (default: your OS user name)", HelpName = "NAME" };
    private readonly Option<string> _script = new("--script") { Description = "a live script id, or a draft script file to try", HelpName = "ID|FILE" };
    private readonly Option<bool> _why = new("--why") { Description = "after each level, the pattern that decided it" };

    private CommandLine()
    {
        Root = new Command("chatcoach", "A coaching chatbot for medical graduates with red flags on their residency application. "
            + "Without a verb it runs the bot: on Discord when a token is configured, else in the terminal.\n" + ConfigurationNote)
        {
            new HelpOption { Recursive = true },
            new VersionOption { Description = "Show the version and the commit it was built from", Action = new VersionAction() },
        };
        Verb(Root, "run", Database());

        var chat = Verb(new Command("chat", "Chat with the coach in the terminal (piped input works; exits at its end)."), "chat",
            _user, Database(), _script);
        var dialogs = new Command("dialogs", "Moderators' tools for the dialog scripts.")
        {
            Verb(new Command("validate", "Check scripts; every problem one a line as file(line,col): error CODE: message. Exits 1 if any."),
                "dialogs validate", ScriptPath()),
            Verb(new Command("test", "Replay the golden conversations of PATH/tests; a readable diff per failure. Exits 1 if any fails."),
                "dialogs test", ScriptPath()),
            Verb(new Command("graph", "Print the script ID as a Mermaid diagram."), "dialogs graph", new Argument<string>("ID") { Description = "the id of a live script" }),
            Verb(new Command("classify", "Read messages from stdin, one a line, and print each one's safety level: crisis, concern, distress or none."),
                "dialogs classify", _script, _why),
            Verb(new Command("train", "Train the learned reader of the crisis check on the examples its script names, and write its model."),
                "dialogs train", _script),
        };
        var stats = Verb(new Command("stats", "The funnel per script version, from counters (no message text, no user)."), "stats", Database());
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh" }.AcceptOnlyFromAmong("bash", "zsh");
        var completion = new Command("completion", "Print a completion script: source <(chatcoach completion bash)") { shell };
        completion.SetAction(result =>
        {
            result.InvocationConfiguration.Output.Write(CompletionScripts.For(result.GetRequiredValue(shell), Root));
            return 0;
        });

        Root.Subcommands.Add(chat);
        Root.Subcommands.Add(dialogs);
        Root.Subcommands.Add(stats);
        Root.Subcommands.Add(completion);
    }

    /// <summary>The root command, for help and completion.</summary>
    public Command Root { get; }

    /// <summary>Parses <paramref name="args"/> and runs what they ask for; 2 (after saying why) when they make no sense.</summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, Func<Invocation, CancellationToken, Task<int>> run,
        TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(errors);
        var (configuration, rest) = ConfigurationArguments.Split(args);
        var commandLine = new CommandLine();
        var result = commandLine.Root.Parse(rest, Parser);
        if (result.Action is ParseErrorAction)
        {
            foreach (var line in commandLine.Explain(result))
            {
                await errors.WriteLineAsync($"chatcoach: {line}");
            }

            await errors.WriteLineAsync();
            WriteHelp(string.Join(' ', Path(result.CommandResult)), errors);
            return ExitCodes.BadConfiguration;
        }

        if (commandLine._verbs.TryGetValue(result.CommandResult.Command, out var verb) && result.Action == result.CommandResult.Command.Action)
        {
            return await run(commandLine.Read(result, verb, configuration), cancellationToken);
        }

        if (result.Action is HelpAction help && Console.IsOutputRedirected)
        {
            help.MaxWidth = HelpWidth;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = errors }, cancellationToken);
    }

    /// <summary>The help of a command ("", "chat", "dialogs validate") as its <c>--help</c> prints it, at <see cref="HelpWidth"/> columns.</summary>
    public static void WriteHelp(string commandPath, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(commandPath);
        var result = new CommandLine().Root.Parse([.. commandPath.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"], Parser);
        var help = (HelpAction)result.Action!;
        help.MaxWidth = HelpWidth;
        result.Invoke(new InvocationConfiguration { Output = output });
    }

    private Invocation Read(ParseResult result, string verb, IReadOnlyList<string> configuration)
    {
        var command = result.CommandResult.Command;
        return new Invocation(verb, configuration)
        {
            User = result.GetValue(_user),
            Script = result.GetValue(_script),
            Why = command.Options.Contains(_why) && result.GetValue(_why),
            Database = command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == DatabaseOption) is { } db ? result.GetValue(db) : null,
            Target = command.Arguments.OfType<Argument<string>>().FirstOrDefault() is { } target ? result.GetValue(target) : null,
        };
    }

    /// <summary>The parser's errors, with the nearest known word for each one it did not recognise.</summary>
    private IEnumerable<string> Explain(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var unmatched = result.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        foreach (var token in result.UnmatchedTokens)
        {
            var options = command.Options.Concat(Root.Options.Where(o => o.Recursive)).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));
            var known = token.StartsWith('-') ? options : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            var kind = token.StartsWith('-') ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
            var where = command == Root ? "" : $" for '{string.Join(' ', Path(result.CommandResult))}'";
            var nearest = Suggestions.Nearest(token, known);
            yield return nearest is null ? $"unknown {kind} '{token}'{where}" : $"unknown {kind} '{token}'{where}; did you mean '{nearest}'?";
        }

        foreach (var error in result.Errors.Where(e => !unmatched.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
        {
            yield return error.Message;
        }
    }

    private static Stack<string> Path(CommandResult result)
    {
        var names = new Stack<string>();
        for (SymbolResult? r = result; r is CommandResult c && c.Parent is not null; r = c.Parent)
        {
            names.Push(c.Command.Name);
        }

        return names;
    }

    private static Option<string> Database() =>
        new(DatabaseOption) { Description = "the SQLite database file (default: data/chatcoach.db)", HelpName = "PATH" };

    private static Argument<string> ScriptPath() =>
        new("PATH") { Description = "a script file or a folder of them (default: the dialogs folder)", Arity = ArgumentArity.ZeroOrOne };

    private Command Verb(Command command, string verb, params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }

        // The action only marks the command as runnable; InvokeAsync runs the verb itself with what was parsed.
        command.SetAction(_ => ExitCodes.BadConfiguration);
        _verbs[command] = verb;
        return command;
    }
}
