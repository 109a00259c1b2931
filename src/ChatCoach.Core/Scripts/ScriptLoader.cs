using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatCoach.Core.Scripts;

/// <summary>Loads dialog scripts from YAML and reports every problem in one run, each with file, line and column.</summary>
public static class ScriptLoader
{
    /// <summary>Reads and loads a script file.</summary>
    public static async Task<ScriptLoadResult> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var content = await File.ReadAllTextAsync(path, cancellationToken);
        return await LoadAsync(path, content, cancellationToken);
    }

    /// <summary>
    /// Loads a script from its text, as <see cref="Load"/> does, and attaches the trained model its learned reader
    /// names, read from beside <paramref name="file"/>. A named model that is missing or unreadable is a problem.
    /// </summary>
    public static async Task<ScriptLoadResult> LoadAsync(string file, string content, CancellationToken cancellationToken = default)
    {
        var result = Load(file, content);
        if (result.Script is not { Crisis: { Learned: { } learned } crisis } script)
        {
            return result;
        }

        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, learned.Model);
        string reason;
        try
        {
            await using var stream = File.OpenRead(path);
            var model = await Safety.RiskModel.ReadAsync(stream, cancellationToken);
            return result with { Script = script with { Crisis = crisis with { Model = model } } };
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            reason = $"no trained model at '{path}'";
        }
        catch (InvalidDataException e)
        {
            reason = $"the model at '{path}' is {e.Message}";
        }

        return new ScriptLoadResult(null, [new ScriptProblem(file, learned.Position, ProblemCodes.LearnedModel, $"crisis learned: {reason}",
            "run 'chatcoach dialogs train' to train it from the examples")]);
    }

    /// <summary>Loads a script file, or every <c>*.yaml</c> file of a folder (not its subfolders), in name order.</summary>
    public static async Task<(IReadOnlyList<Script> Scripts, IReadOnlyList<ScriptProblem> Problems)> LoadAllAsync(
        string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var scripts = new List<Script>();
        var problems = new List<ScriptProblem>();
        var files = File.Exists(path) ? [path]
            : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.yaml").Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            problems.Add(new ScriptProblem(path, SourcePosition.Start, ProblemCodes.MissingKey,
                $"no script file at '{Path.GetFullPath(path)}'", "give a .yaml file or a folder of them"));
        }

        foreach (var file in files)
        {
            var result = await LoadFileAsync(file, cancellationToken);
            problems.AddRange(result.Problems);
            if (result.Script is { } script)
            {
                scripts.Add(script);
            }
        }

        return (scripts, problems);
    }

    /// <summary>Loads a script from its text; <paramref name="file"/> names it in problems.</summary>
    public static ScriptLoadResult Load(string file, string content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);

        var problems = new ProblemList(file);
        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(content));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            problems.Add(new SourcePosition((int)e.Start.Line, (int)e.Start.Column), ProblemCodes.Syntax,
                $"not valid YAML: {reason}", "check indentation, quotes and colons near this place");
            return new ScriptLoadResult(null, problems.Items);
        }

        if (root is null)
        {
            problems.Add(SourcePosition.Start, ProblemCodes.WrongType, "a script must be a YAML mapping",
                "start the file with 'id:', 'start:' and 'nodes:'");
            return new ScriptLoadResult(null, problems.Items);
        }

        var script = new ScriptReader(problems, file, VersionOf(content), content).Read(root);
        if (script is not null)
        {
            ScriptValidator.Validate(script, problems);
        }

        var inFileOrder = problems.Items.OrderBy(p => p.Position.Line).ThenBy(p => p.Position.Column).ToList();
        return new ScriptLoadResult(inFileOrder.Count == 0 ? script : null, inFileOrder);
    }

    /// <summary>The version of a script's text: the SHA-256 of its content, line endings normalised.</summary>
    public static string VersionOf(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((content ?? throw new ArgumentNullException(nameof(content))).ReplaceLineEndings("\n"))));
}

/// <summary>The outcome of loading a script: the script when it is valid, and every problem found.</summary>
public sealed record ScriptLoadResult(Script? Script, IReadOnlyList<ScriptProblem> Problems)
{
    /// <summary>Whether the script loaded without problems.</summary>
    public bool Succeeded => Script is not null;
}
