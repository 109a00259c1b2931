using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.Tests.Support;

internal sealed record RestResponse(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers)
{
    public int Code => (int)Status;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.First() : null;
}

/// <summary>A raw HttpClient talking to the emulator the way a bot would.</summary>
internal sealed class RestClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly DiscordEmulator _emulator;

    public RestClient(DiscordEmulator emulator, bool authorize = true)
    {
        _emulator = emulator;
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.invalid/chatcoach, 1.0.0)");
        if (authorize)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", emulator.Options.Token);
        }
    }

    public Task<RestResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<RestResponse> PostAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<RestResponse> PatchAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<RestResponse> PutAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Put, path, body);

    public Task<RestResponse> PostRawAsync(string path, string body, string contentType) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    public Task<RestResponse> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, Url(path));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return SendAsync(request);
    }

    public async Task<RestResponse> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new RestResponse(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
        }
    }

    public Uri Url(string path) => new(_emulator.ApiBaseUrl + path);

    public void Dispose() => _http.Dispose();
}
