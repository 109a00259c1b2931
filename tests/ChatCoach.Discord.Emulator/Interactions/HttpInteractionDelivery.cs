using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Rest.Routes;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Interactions;

/// <summary>
/// Interactions sent to the bot's interactions endpoints over HTTP, signed, instead of over the gateway (Discord
/// does this once an Interactions Endpoint URL is set). The HTTP response is the interaction's initial response and
/// goes through the same rules as the callback route. A type-6 answer to an interaction another replica already
/// answered is what a bot should send for a duplicate, and is recorded but changes nothing. Discord takes an HTTP
/// answer before any request that uses the interaction's token, so those wait until the answer has been applied.
/// </summary>
internal sealed class HttpInteractionDelivery(EmulatorCore core, InteractionRoutes routes) : IDisposable
{
    private static readonly TimeSpan AnswerPatience = TimeSpan.FromSeconds(5);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _inFlight = new(StringComparer.Ordinal);
    private int _next;

    public InteractionSigner Signer { get; } = new();

    public EventLog<HttpInteractionAnswer> Answers { get; } = new(core.Gate);

    /// <summary>Delivers a new interaction: to the next endpoint in turn, or to every endpoint at once when duplicating.</summary>
    public Task DeliverAsync(StoredInteraction interaction)
    {
        var endpoints = core.Options.InteractionsEndpoints;
        return core.Options.DuplicateInteractionDeliveries
            ? Task.WhenAll(endpoints.Select(e => DeliverAsync(interaction, e)))
            : DeliverAsync(interaction, endpoints[(Interlocked.Increment(ref _next) - 1) % endpoints.Count]);
    }

    public async Task<HttpInteractionAnswer> DeliverAsync(StoredInteraction interaction, Uri endpoint)
    {
        var applied = _inFlight.GetOrAdd(interaction.Token, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            return await DeliverOnceAsync(interaction, endpoint);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, TaskCompletionSource>(interaction.Token, applied));
            applied.TrySetResult();
        }
    }

    /// <summary>Waits while the HTTP answer of the interaction whose token <paramref name="relativePath"/> uses is on its way.</summary>
    public async Task AnsweredAsync(string relativePath, CancellationToken cancellationToken)
    {
        var segments = relativePath.TrimStart('/').Split('/', 4);
        if (segments is ["webhooks" or "interactions", _, var token, ..] && _inFlight.TryGetValue(token, out var applied))
        {
            try
            {
                await applied.Task.WaitAsync(AnswerPatience, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The endpoint is hanging; the request goes on and meets whatever state there is.
            }
        }
    }

    private async Task<HttpInteractionAnswer> DeliverOnceAsync(StoredInteraction interaction, Uri endpoint)
    {
        var started = Stopwatch.GetTimestamp();
        var (status, text) = await SendAsync(endpoint, Encoding.UTF8.GetBytes(Wire.Serialize(interaction.Payload)), InteractionRequestFault.None);
        var response = status == 200 ? ParseObject(text) : null;
        var type = response is null ? null : (int?)Wire.GetInteger(response, "type");
        var answer = new HttpInteractionAnswer(interaction.Id, endpoint, status, type, Stopwatch.GetElapsedTime(started));
        lock (core.Gate)
        {
            Answers.Add(answer);
            var answered = core.Interactions.WithId(interaction.Id, i => i?.CallbackType is not null);
            if (response is null)
            {
                core.Violation(ViolationKind.RejectedRequest, $"interaction {interaction.Id}: the endpoint answered HTTP {status} without an interaction response");
            }
            else if (!(answered && type == 6))
            {
                var result = routes.Answer(interaction.Id, interaction.Token, response, [], core.Time.GetUtcNow(), withResponse: false);
                if (result.Violation is { } violation)
                {
                    core.Violation(violation, result.ViolationDetail ?? $"interaction {interaction.Id}: HTTP answer refused ({result.Status})");
                }
            }
        }

        return answer;
    }

    /// <summary>Posts <paramref name="body"/> to an endpoint, signed as asked; the status and body of the answer.</summary>
    public async Task<(int Status, string Body)> SendAsync(Uri endpoint, byte[] body, InteractionRequestFault fault)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd("Discord-Interactions/1.0 (+https://discord.com)");
        if (fault != InteractionRequestFault.NoSignature)
        {
            var at = core.Time.GetUtcNow() - (fault == InteractionRequestFault.Replayed ? TimeSpan.FromMinutes(6) : TimeSpan.Zero);
            var (signature, timestamp) = Signer.Sign(body, at, forged: fault == InteractionRequestFault.ForgedSignature);
            request.Headers.Add("X-Signature-Ed25519", signature);
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        _http.Dispose();
        Signer.Dispose();
    }

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
