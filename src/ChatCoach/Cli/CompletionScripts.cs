using System.CommandLine;
using System.CommandLine.Completions;
using System.Text;

namespace ChatCoach.Cli;

/// <summary>
/// <c>chatcoach completion bash|zsh</c>: a completion script written out from the command tree, so it needs nothing
/// at completion time (no dotnet-suggest, no process per key press). Options are offered once a dash is typed.
/// zsh runs the bash function through bashcompinit.
/// </summary>
internal static class CompletionScripts
{
    public static string For(string shell, Command root)
    {
        var bash = Bash(root);
        return shell == "zsh" ? "#compdef chatcoach\nautoload -U +X bashcompinit && bashcompinit\n" + bash : bash;
    }

    private static string Bash(Command root)
    {
        var commands = Walk(root, "").ToList();
        var recursive = root.Options.Where(o => o.Recursive && !o.Hidden).ToList();
        var valued = commands.SelectMany(c => c.Command.Options).Where(o => o.Arity.MaximumNumberOfValues > 0)
            .Select(o => o.Name).Distinct().Order(StringComparer.Ordinal);
        var script = new StringBuilder();
        script.Append("# chatcoach completion for bash: source <(chatcoach completion bash)\n")
            .Append("_chatcoach() {\n")
            .Append("    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" path=\"\" words options i\n")
            .Append("    for ((i = 1; i < COMP_CWORD; i++)); do\n")
            .Append("        case \"$path ${COMP_WORDS[i]}\" in\n")
            .Append("            ").Append(string.Join('|', commands.Skip(1).Select(c => $"\"{c.Path}\""))).Append(") path=\"$path ${COMP_WORDS[i]}\" ;;\n")
            .Append("        esac\n")
            .Append("    done\n")
            .Append("    case \"$prev\" in\n")
            .Append("        ").Append(string.Join('|', valued)).Append(") COMPREPLY=(); return ;;\n")
            .Append("    esac\n")
            .Append("    case \"$path\" in\n");
        foreach (var (path, command) in commands)
        {
            var words = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)
                .Concat(command.Arguments.SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(c => c.Label));
            var options = command.Options.Concat(recursive).Where(o => !o.Hidden).Select(o => o.Name).Distinct();
            script.Append("        \"").Append(path).Append("\") words=\"").AppendJoin(' ', words)
                .Append("\" options=\"").AppendJoin(' ', options).Append("\" ;;\n");
        }

        return script.Append("    esac\n")
            .Append("    [[ $cur == -* ]] && words=$options\n")
            .Append("    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n")
            .Append("}\n")
            .Append("complete -o default -F _chatcoach chatcoach\n")
            .ToString();
    }

    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var below in Walk(sub, $"{path} {sub.Name}"))
            {
                yield return below;
            }
        }
    }
}
