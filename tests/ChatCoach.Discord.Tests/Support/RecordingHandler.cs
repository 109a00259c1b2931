using System.Net;
using System.Text;

namespace ChatCoach.Discord.Tests.Support;

// In-memory transport for tests that only care about what the client puts on the wire.
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

    public RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage>? respond = null) => _respond = respond ?? DefaultResponse;

    public List<RecordedRequest> Requests { get; } = [];

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = null;
        string? payloadJson = null;
        var files = new List<string>();
        if (request.Content is MultipartFormDataContent multipart)
        {
            foreach (var part in multipart)
            {
                var name = part.Headers.ContentDisposition?.Name?.Trim('"');
                if (name == "payload_json")
                {
                    payloadJson = await part.ReadAsStringAsync(cancellationToken);
                }
                else if (name is not null)
                {
                    files.Add(name + ":" + part.Headers.ContentDisposition!.FileName?.Trim('"'));
                }
            }
        }
        else if (request.Content is not null)
        {
            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToString(), request.Content?.Headers.ContentType?.MediaType, body ?? payloadJson, files));
        return _respond(request);
    }

    private static HttpResponseMessage DefaultResponse(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/callback", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }

        if (path.EndsWith("/commands", StringComparison.Ordinal))
        {
            return Json("""[{"id":"1","application_id":"2","name":"coach","type":1}]""");
        }

        if (path.EndsWith("/users/@me/channels", StringComparison.Ordinal))
        {
            return Json(SharedFiles.Fixture("rest_create_dm_response.json"));
        }

        return Json("""{"id":"10","channel_id":"20","content":"ok","type":0,"author":{"id":"30","username":"chatcoach","bot":true}}""");
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string Headers, string? ContentType, string? Body, IReadOnlyList<string> Files);
