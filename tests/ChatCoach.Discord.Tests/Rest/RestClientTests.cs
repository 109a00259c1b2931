using System.Net;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;
using ChatCoach.Discord.Tests.Support;

namespace ChatCoach.Discord.Tests.Rest;

// The REST client against a real HTTP server on 127.0.0.1.
public sealed class RestClientTests
{
    private const string InteractionToken = "SECRET-INTERACTION-TOKEN-abc123";

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private static (DiscordRestClient Client, HttpClient Http, ListLogger<DiscordRestClient> Log) Create(LoopbackHttpServer server)
    {
        var http = new HttpClient();
        var log = new ListLogger<DiscordRestClient>();
        return (new DiscordRestClient(http, TestOptions.Create(server.BaseUrl), TimeProvider.System, log), http, log);
    }

    [Fact]
    public async Task Sends_bot_authorization_user_agent_and_json()
    {
        await using var server = new LoopbackHttpServer((_, _) => ScriptedResponse.Message);
        var (client, http, _) = Create(server);
        using var _1 = client;
        using var _2 = http;

        var sent = await client.CreateMessageAsync("290926798999357250", new OutgoingMessage("hello <@1>"));

        Assert.Equal("10", sent.Id);
        var request = Assert.Single(server.Snapshot());
        Assert.Equal(("POST", "/channels/290926798999357250/messages"), (request.Method, request.Path));
        Assert.Equal("Bot " + TestOptions.Token, request.Headers["Authorization"]);
        Assert.Equal("DiscordBot (https://github.com/chatcoach/chatcoach, 1.0)", request.Headers["User-Agent"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_waited_out_before_the_retry()
    {
        await using var server = new LoopbackHttpServer((_, i) => i == 0
            ? new ScriptedResponse(429, """{"message":"You are being rate limited.","retry_after":0.6,"global":false}""", Headers(("X-RateLimit-Scope", "user"), ("Retry-After", "1")))
            : ScriptedResponse.Message);
        var (client, http, _) = Create(server);
        using var _1 = client;
        using var _2 = http;

        await client.CreateMessageAsync("1", new OutgoingMessage("x"));

        var requests = server.Snapshot();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(550), $"retried after {requests[1].At - requests[0].At}");
        Assert.Equal(requests[0].Body, requests[1].Body); // same nonce, so a duplicate post is impossible
    }

    [Fact]
    public async Task Retry_after_header_is_used_when_the_body_has_none()
    {
        await using var server = new LoopbackHttpServer((_, i) => i == 0 ? new ScriptedResponse(429, null, Headers(("Retry-After", "1"))) : ScriptedResponse.Message);
        var (client, http, _) = Create(server);
        using var _1 = client;
        using var _2 = http;

        await client.EditMessageAsync("1", "2", new OutgoingMessage("x"));

        var requests = server.Snapshot();
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task An_exhausted_bucket_delays_its_route_until_reset_but_not_other_channels()
    {
        await using var server = new LoopbackHttpServer((r, _) => r.Path == "/channels/1/messages"
            ? ScriptedResponse.Message with { Headers = Headers(("X-RateLimit-Limit", "1"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.8"), ("X-RateLimit-Bucket", "abcd")) }
            : ScriptedResponse.Message);
        var (client, http, _) = Create(server);
        using var _1 = client;
        using var _2 = http;

        await client.CreateMessageAsync("1", new OutgoingMessage("a"));
        await client.CreateMessageAsync("2", new OutgoingMessage("other channel"));
        await client.CreateMessageAsync("1", new OutgoingMessage("b"));

        var requests = server.Snapshot();
        Assert.True(requests[1].At - requests[0].At < TimeSpan.FromMilliseconds(700), "another channel is another bucket");
        Assert.True(requests[2].At - requests[0].At >= TimeSpan.FromMilliseconds(750), $"sent after {requests[2].At - requests[0].At}");
    }

    [Fact]
    public async Task A_global_429_blocks_other_routes_too()
    {
        await using var server = new LoopbackHttpServer((r, i) => i == 0
            ? new ScriptedResponse(429, """{"message":"You are being rate limited.","retry_after":0.7,"global":true}""", Headers(("X-RateLimit-Global", "true"), ("X-RateLimit-Scope", "global")))
            : ScriptedResponse.Message);
        var (client, http, _) = Create(server);
        using var _1 = client;
        using var _2 = http;

        var first = client.CreateMessageAsync("1", new OutgoingMessage("a"));
        await WaitUntil(() => server.Snapshot().Count >= 1);
        await Task.Delay(100);
        var other = client.CreateDmChannelAsync("53908232506183680");
        await Task.WhenAll(first, other);

        var requests = server.Snapshot();
        var dm = requests.Single(r => r.Path == "/users/@me/channels");
        Assert.True(dm.At - requests[0].At >= TimeSpan.FromMilliseconds(650), $"DM request sent {dm.At - requests[0].At} after the global 429");
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_up_to_three_attempts()
    {
        await using var server = new LoopbackHttpServer((_, i) => i < 2 ? new ScriptedResponse(502, "<html>bad gateway</html>") : ScriptedResponse.Message);
        var (client, http, _) = Create(server);
        using var _1 = client;
        using var _2 = http;

        await client.CreateMessageAsync("1", new OutgoingMessage("x"));

        var requests = server.Snapshot();
        Assert.Equal(3, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(40));
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromMilliseconds(90));
    }

    [Fact]
    public async Task Persistent_server_errors_surface_after_three_attempts()
    {
        await using var server = new LoopbackHttpServer((_, _) => ScriptedResponse.Error(500, 0, "Internal Server Error"));
        var (client, http, _) = Create(server);
        using var _1 = client;
        using var _2 = http;

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => client.CreateMessageAsync("1", new OutgoingMessage("x")));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(3, server.Snapshot().Count);
    }

    [Fact]
    public async Task A_server_error_on_an_interaction_callback_or_follow_up_is_not_retried_blindly()
    {
        await using var server = new LoopbackHttpServer((_, _) => ScriptedResponse.Error(500, 0, "Internal Server Error"));
        var (client, http, _) = Create(server);
        using var _1 = client;
        using var _2 = http;

        await Assert.ThrowsAsync<DiscordApiException>(() => client.CreateInteractionResponseAsync("1", InteractionToken, InteractionResponse.Reply(new OutgoingMessage("x"))));
        await Assert.ThrowsAsync<DiscordApiException>(() => client.CreateFollowupMessageAsync("2", InteractionToken, new OutgoingMessage("y")));
        await Assert.ThrowsAsync<DiscordApiException>(() => client.EditOriginalInteractionResponseAsync("2", InteractionToken, new OutgoingMessage("z")));

        // One callback, one follow-up (either may have landed); the edit is safe to repeat, so it was tried three times.
        Assert.Equal(["POST", "POST", "PATCH", "PATCH", "PATCH"], server.Snapshot().Select(r => r.Method));
    }

    [Fact]
    public async Task Cannot_message_user_is_typed_and_not_retried()
    {
        await using var server = new LoopbackHttpServer((_, _) => new ScriptedResponse(403, SharedFiles.Fixture("rest_error_50007.json")));
        var (client, http, _) = Create(server);
        using var _1 = client;
        using var _2 = http;

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => client.CreateMessageAsync("290926798999357250", new OutgoingMessage("x")));

        Assert.Single(server.Snapshot());
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(50007, error.Code);
        Assert.True(error.IsCannotMessageUser);
        Assert.Equal("POST /channels/{channel_id}/messages", error.Route);
        Assert.Contains("50007", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cannot send messages to this user", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_never_reach_exception_messages_or_logs()
    {
        // A hostile proxy page echoing the token must not carry it into our messages either.
        await using var server = new LoopbackHttpServer((r, _) => r.Path.StartsWith("/webhooks", StringComparison.Ordinal)
            ? ScriptedResponse.Error(404, 10015, "Unknown Webhook " + InteractionToken)
            : ScriptedResponse.Error(401, 0, "401: Unauthorized " + TestOptions.Token));
        var (client, http, log) = Create(server);
        using var _1 = client;
        using var _2 = http;

        var errors = new List<Exception>
        {
            await Assert.ThrowsAsync<DiscordApiException>(() => client.GetGatewayBotAsync()),
            await Assert.ThrowsAsync<DiscordApiException>(() => client.EditOriginalInteractionResponseAsync("234248956100616262", InteractionToken, new OutgoingMessage("x"))),
            await Assert.ThrowsAsync<DiscordApiException>(() => client.CreateInteractionResponseAsync("1", InteractionToken, InteractionResponse.Defer())),
        };

        var texts = errors.Select(e => e.ToString()).Concat(log.Lines).ToList();
        Assert.NotEmpty(log.Lines);
        Assert.All(texts, t => Assert.DoesNotContain(TestOptions.Token, t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("secret-token-value", t, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("[redacted]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("{webhook_token}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interaction_callback_and_follow_up_routes()
    {
        await using var server = new LoopbackHttpServer((r, _) => r.Path.EndsWith("/callback", StringComparison.Ordinal) ? new ScriptedResponse(204) : ScriptedResponse.Message);
        var (client, http, _) = Create(server);
        using var _1 = client;
        using var _2 = http;

        await client.CreateInteractionResponseAsync("111", InteractionToken, InteractionResponse.Defer(ephemeral: true));
        await client.EditOriginalInteractionResponseAsync("222", InteractionToken, new OutgoingMessage("done"));
        await client.CreateFollowupMessageAsync("222", InteractionToken, new OutgoingMessage("more") { Flags = MessageFlags.Ephemeral });

        Assert.Equal(
            [$"POST /interactions/111/{InteractionToken}/callback", $"PATCH /webhooks/222/{InteractionToken}/messages/@original", $"POST /webhooks/222/{InteractionToken}"],
            server.Snapshot().Select(r => r.Method + " " + r.Path));
        Assert.Equal("""{"type":5,"data":{"allowed_mentions":{"parse":[]},"flags":64}}""", server.Snapshot()[0].Body);
    }

    [Fact]
    public async Task Attachments_go_as_multipart_with_payload_json()
    {
        await using var server = new LoopbackHttpServer((_, _) => ScriptedResponse.Message);
        var (client, http, _) = Create(server);
        using var _1 = client;
        using var _2 = http;

        await client.CreateMessageAsync("1", new OutgoingMessage("plan") { Files = [new DiscordFile("plan.txt", "step 1"u8.ToArray())] });

        var request = Assert.Single(server.Snapshot());
        Assert.StartsWith("multipart/form-data", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("name=payload_json", request.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"files[0]\"; filename=plan.txt", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"attachments\":[{\"id\":\"0\",\"filename\":\"plan.txt\"}]", request.Body, StringComparison.Ordinal);
        Assert.Contains("step 1", request.Body, StringComparison.Ordinal);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
