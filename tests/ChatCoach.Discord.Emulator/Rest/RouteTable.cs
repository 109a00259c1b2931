namespace ChatCoach.Discord.Emulator.Rest;

/// <summary>Handlers by method and OpenAPI path template.</summary>
internal sealed class RouteTable
{
    private readonly Dictionary<(string Method, string Template), Func<RestCall, RestResult>> _handlers = [];

    public RouteTable Map(string method, string template, Func<RestCall, RestResult> handler)
    {
        _handlers[(method, template)] = handler;
        return this;
    }

    public Func<RestCall, RestResult>? Find(string method, string template) => _handlers.GetValueOrDefault((method, template));
}
