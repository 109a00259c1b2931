using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatCoach.Discord.Tests.Support;

// A real HTTP server on 127.0.0.1 (HttpListener) whose answers each test scripts; it records every request
// with its arrival time so rate-limit tests can assert when requests were actually sent.
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<ServedRequest, int, ScriptedResponse> _respond;
    private readonly Task _loop;
    private readonly Lock _lock = new();
    private int _count;

    public LoopbackHttpServer(Func<ServedRequest, int, ScriptedResponse> respond)
    {
        _respond = respond;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/api/v10");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = LoopAsync();
    }

    public Uri BaseUrl { get; }

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public List<ServedRequest> Requests { get; } = [];

    public IReadOnlyList<ServedRequest> Snapshot()
    {
        lock (_lock)
        {
            return [.. Requests];
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
        }

        _listener.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var path = context.Request.Url!.AbsolutePath["/api/v10".Length..];
        var request = new ServedRequest(Clock.Elapsed, context.Request.HttpMethod, path, headers, body);
        int index;
        lock (_lock)
        {
            Requests.Add(request);
            index = _count++;
        }

        var response = _respond(request, index);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is { } text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
        }

        context.Response.Close();
    }
}

internal sealed record ServedRequest(TimeSpan At, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

internal sealed record ScriptedResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Message { get; } = new(200, """{"id":"10","channel_id":"20","content":"ok","type":0}""");

    public static ScriptedResponse Error(int status, int code, string message) => new(status, $$"""{"code":{{code}},"message":"{{message}}"}""");
}
