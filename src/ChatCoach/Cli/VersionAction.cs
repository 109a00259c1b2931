using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace ChatCoach.Cli;

/// <summary>
/// <c>--version</c>: the version and the commit it was built from. The SDK appends the commit to the informational
/// version ("1.0.0+3f2a..."), from git or from the <c>SourceRevisionId</c> build property when there is no .git.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Text
    {
        get
        {
            var informational = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? $"chatcoach {informational} (commit unknown)" : $"chatcoach {informational[..plus]} (commit {informational[(plus + 1)..]})";
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(Text);
        return 0;
    }
}
