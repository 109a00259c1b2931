using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCoach.Discord.Rest;

/// <summary>
/// The Discord HTTP API calls ChatCoach needs, with per-route and global rate limiting, 429 and 5xx
/// retries, and typed errors (<see cref="DiscordApiException"/>). Thread-safe; share one instance.
/// </summary>
public sealed class DiscordRestClient : IDisposable
{
    private const string UserAgent = "DiscordBot (https://github.com/chatcoach/chatcoach, 1.0)";
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly DiscordClientOptions _options;
    private readonly TimeProvider _time;
    private readonly DiscordMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly RateLimiter _limiter;
    private readonly InvalidRequestBudget _invalid;
    private readonly string _baseUrl;

    /// <summary>Creates a client that sends through <paramref name="httpClient"/> (owned by the caller).</summary>
    /// <param name="httpClient">Transport; its base address and default headers are not used.</param>
    /// <param name="options">Token, base URL and retry settings.</param>
    /// <param name="timeProvider">Clock for rate-limit waits; the system clock when null.</param>
    /// <param name="logger">Logger; tokens are never logged.</param>
    /// <param name="metrics">Where requests, 429s and the invalid-request count are counted; none when null.</param>
    public DiscordRestClient(HttpClient httpClient, DiscordClientOptions options, TimeProvider? timeProvider = null, ILogger<DiscordRestClient>? logger = null,
        DiscordMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = httpClient;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _limiter = new RateLimiter(_time);
        _invalid = new InvalidRequestBudget(options.InvalidRequestWarn, options.InvalidRequestPause, _time, _logger);
        _baseUrl = options.ApiBaseUrl.AbsoluteUri.TrimEnd('/') + "/";
        _metrics = metrics;
        _metrics?.ObserveInvalidRequests(() => _invalid.Current);
    }

    /// <summary><c>GET /gateway/bot</c>: the gateway URL and the identify budget.</summary>
    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync<GatewayBotInfo>(HttpMethod.Get, "gateway/bot", null, cancellationToken);

    /// <summary><c>GET /applications/@me</c>: the bot's application (its id is needed for commands and follow-ups).</summary>
    public Task<DiscordApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) =>
        SendAsync<DiscordApplication>(HttpMethod.Get, "applications/@me", null, cancellationToken);

    /// <summary><c>POST /users/@me/channels</c>: opens (or returns the existing) DM channel with a user.</summary>
    public Task<ChannelInfo> CreateDmChannelAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return SendAsync<ChannelInfo>(HttpMethod.Post, "users/@me/channels", Json(new CreateDmPayload(userId)), cancellationToken);
    }

    /// <summary>
    /// <c>POST /channels/{channel_id}/messages</c>. A nonce with <c>enforce_nonce</c> makes a retry after a
    /// 5xx return the already-posted message instead of posting twice.
    /// </summary>
    public Task<DiscordMessage> CreateMessageAsync(string channelId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(message);
        RequireBody(message);
        var nonce = Guid.NewGuid().ToString("N")[..25];
        return SendAsync<DiscordMessage>(HttpMethod.Post, $"channels/{Id(channelId)}/messages", Body(MessagePayload.ForChannel(message, nonce), message.Files), cancellationToken);
    }

    /// <summary><c>PATCH /channels/{channel_id}/messages/{message_id}</c>: edits a message the bot sent.</summary>
    public Task<DiscordMessage> EditMessageAsync(string channelId, string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync<DiscordMessage>(HttpMethod.Patch, $"channels/{Id(channelId)}/messages/{Id(messageId)}", Body(MessagePayload.ForEdit(message), message.Files), cancellationToken);
    }

    /// <summary>
    /// <c>POST /interactions/{id}/{token}/callback</c>: the first answer to an interaction, due within 3 s.
    /// Late answers fail with JSON code 10062.
    /// </summary>
    public async Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionId);
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        ArgumentNullException.ThrowIfNull(response);
        var data = response.Message is null ? null : MessagePayload.ForInteraction(response.Message);
        var payload = new InteractionCallbackPayload((int)response.Type, data);
        await SendAsync<JsonElement?>(HttpMethod.Post, $"interactions/{Id(interactionId)}/{Escape(interactionToken)}/callback", Body(payload, response.Message?.Files), cancellationToken);
    }

    /// <summary><c>PATCH /webhooks/{application_id}/{token}/messages/@original</c>: edits (or fills in a deferred) first response.</summary>
    public Task<DiscordMessage> EditOriginalInteractionResponseAsync(string applicationId, string interactionToken, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync<DiscordMessage>(HttpMethod.Patch, $"webhooks/{Id(applicationId)}/{Escape(interactionToken)}/messages/@original", Body(MessagePayload.ForInteraction(message), message.Files), cancellationToken);
    }

    /// <summary><c>POST /webhooks/{application_id}/{token}</c>: a further message for an interaction (set Ephemeral to hide it).</summary>
    public Task<DiscordMessage> CreateFollowupMessageAsync(string applicationId, string interactionToken, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        ArgumentNullException.ThrowIfNull(message);
        RequireBody(message);
        return SendAsync<DiscordMessage>(HttpMethod.Post, $"webhooks/{Id(applicationId)}/{Escape(interactionToken)}", Body(MessagePayload.ForInteraction(message), message.Files), cancellationToken);
    }

    /// <summary><c>PUT /applications/{application_id}/commands</c>: replaces every global command.</summary>
    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(string applicationId, IReadOnlyList<ApplicationCommandDefinition> commands, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentNullException.ThrowIfNull(commands);
        return SendAsync<IReadOnlyList<ApplicationCommand>>(HttpMethod.Put, $"applications/{Id(applicationId)}/commands", Json(commands), cancellationToken);
    }

    /// <summary><c>PUT /applications/{application_id}/guilds/{guild_id}/commands</c>: replaces one guild's commands (instant, good for testing).</summary>
    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(string applicationId, string guildId, IReadOnlyList<ApplicationCommandDefinition> commands, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentException.ThrowIfNullOrEmpty(guildId);
        ArgumentNullException.ThrowIfNull(commands);
        return SendAsync<IReadOnlyList<ApplicationCommand>>(HttpMethod.Put, $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands", Json(commands), cancellationToken);
    }

    /// <summary>
    /// Sends a payload serialised earlier (an outbox row): <paramref name="json"/> as the body, or as <c>payload_json</c>
    /// beside <paramref name="files"/>. Returns the answer's JSON, or null for 204.
    /// </summary>
    internal Task<JsonElement?> SendPayloadAsync(HttpMethod method, string path, byte[]? json, IReadOnlyList<DiscordFile>? files, CancellationToken cancellationToken) =>
        SendAsync<JsonElement?>(method, path, json is null ? null : Bytes(json, files), cancellationToken);

    /// <summary>The invalid requests (401, 403, 429) of the last 10 minutes.</summary>
    public int InvalidRequests => _invalid.Current;

    /// <summary>Releases the rate-limit state (not the caller's <see cref="HttpClient"/>).</summary>
    public void Dispose() => _limiter.Dispose();

    private static void RequireBody(OutgoingMessage message)
    {
        if (string.IsNullOrEmpty(message.Content) && message.Components is not { Count: > 0 } && message.Files is not { Count: > 0 })
        {
            throw new ArgumentException("A message needs content, components or files (Discord answers 50006 otherwise).", nameof(message));
        }
    }

    private static string Id(string snowflake) => Uri.EscapeDataString(snowflake);

    private static string Escape(string token) => Uri.EscapeDataString(token);

    private static Func<HttpContent> Json<T>(T body)
    {
        // Serialised once; every retry gets fresh content over the same bytes.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, DiscordJson.Options);
        return () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = JsonMediaType;
            return content;
        };
    }

    private static Func<HttpContent> Body<T>(T payload, IReadOnlyList<DiscordFile>? files) =>
        Bytes(JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJson.Options), files);

    /// <summary>A JSON body, or with files a multipart one (<c>payload_json</c> and <c>files[n]</c>), as Discord takes both.</summary>
    internal static Func<HttpContent> Bytes(byte[] json, IReadOnlyList<DiscordFile>? files)
    {
        if (files is not { Count: > 0 })
        {
            return () =>
            {
                var content = new ByteArrayContent(json);
                content.Headers.ContentType = JsonMediaType;
                return content;
            };
        }

        return () =>
        {
            var form = new MultipartFormDataContent();
            var payloadPart = new ByteArrayContent(json);
            payloadPart.Headers.ContentType = JsonMediaType;
            form.Add(payloadPart, "payload_json");
            for (var i = 0; i < files.Count; i++)
            {
                var part = new ReadOnlyMemoryContent(files[i].Content);
                part.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType ?? "application/octet-stream");
                form.Add(part, $"files[{i}]", files[i].FileName);
            }

            return form;
        };
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        var route = Route.Create(method, path);
        // A POST to an interaction route is not safe to repeat: it may have gone through (a callback, a follow-up).
        // Channel messages carry a nonce with enforce_nonce, and the other routes are idempotent.
        var retryServerErrors = method != HttpMethod.Post || !route.ExemptFromGlobalLimit;
        await _invalid.WaitAsync(interactionResponse: method == HttpMethod.Post && path.StartsWith("interactions/", StringComparison.Ordinal), cancellationToken);
        var bucket = await _limiter.AcquireAsync(route, cancellationToken);
        try
        {
            var serverErrors = 0;
            var rateLimited = 0;
            while (true)
            {
                await _limiter.WaitTurnAsync(bucket, route, cancellationToken);
                using var request = new HttpRequestMessage(method, new Uri(_baseUrl + path)) { Content = content?.Invoke() };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);

                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                _invalid.Count((int)response.StatusCode);
                _metrics?.Request(route.Template, (int)response.StatusCode);
                var headers = RateLimitHeaders.Parse(response.Headers);
                _limiter.Update(bucket, route, headers);

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var body = await ReadErrorAsync(response, cancellationToken);
                    var retryAfter = (body?.RetryAfter is { } seconds ? RateLimitHeaders.ParseSeconds(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null)
                        ?? headers.RetryAfter
                        ?? TimeSpan.FromSeconds(1);
                    var global = body?.Global == true || headers.Global;
                    if (global)
                    {
                        _limiter.BlockGlobal(retryAfter);
                    }
                    else
                    {
                        _limiter.BlockBucket(bucket, retryAfter);
                    }

                    if (++rateLimited > _options.RateLimitMaxRetries)
                    {
                        throw CreateException(route, response.StatusCode, body);
                    }

                    _logger.RateLimited(route.Template, global ? "global" : headers.Scope ?? "route", retryAfter);
                    _metrics?.RateLimited(route.Template, global ? "global" : headers.Scope ?? "route");
                    continue;
                }

                if ((int)response.StatusCode >= 500)
                {
                    var body = await ReadErrorAsync(response, cancellationToken);
                    if (++serverErrors >= _options.RestMaxAttempts || !retryServerErrors)
                    {
                        throw CreateException(route, response.StatusCode, body);
                    }

                    var delay = _options.RestRetryBaseDelay * Math.Pow(2, serverErrors - 1);
                    _logger.ServerError((int)response.StatusCode, route.Template, serverErrors, delay);
                    await Task.Delay(delay, _time, cancellationToken);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw CreateException(route, response.StatusCode, await ReadErrorAsync(response, cancellationToken));
                }

                if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
                {
                    return default!;
                }

                var result = await JsonSerializer.DeserializeAsync<T>(await response.Content.ReadAsStreamAsync(cancellationToken), DiscordJson.Options, cancellationToken);
                return result ?? throw new JsonException($"Discord answered {route.Template} with an empty body.");
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private static async Task<ErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<ErrorBody>(text, DiscordJson.Options);
        }
        catch (JsonException)
        {
            // Cloudflare and proxies answer with HTML; the status code alone has to do.
            return null;
        }
    }

    private DiscordApiException CreateException(Route route, HttpStatusCode status, ErrorBody? body)
    {
        var detail = body?.Message is { Length: > 0 } text ? ": " + Redact(text) : "";
        var code = body?.Code is { } c ? $", JSON code {c}" : "";
        var message = $"Discord API {route.Template} failed with HTTP {(int)status} ({status}){code}{detail}";
        _logger.Failed(message);
        return new DiscordApiException(message, status, body?.Code, route.Template);
    }

    // Discord does not echo tokens, but a proxy error page might; never let one into an exception or log.
    private string Redact(string text) => text.Replace(_options.Token, "[redacted]", StringComparison.Ordinal);
}
