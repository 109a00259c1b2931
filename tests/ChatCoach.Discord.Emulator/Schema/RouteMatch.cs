namespace ChatCoach.Discord.Emulator.Schema;

/// <summary>A request path matched to a template, with its parameter values.</summary>
internal sealed record RouteMatch(SpecRoute Route, IReadOnlyDictionary<string, string> Parameters)
{
    public string Template => Route.Template;

    public string Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException(name);
}
