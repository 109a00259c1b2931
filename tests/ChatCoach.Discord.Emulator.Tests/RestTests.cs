using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Tests.Support;

namespace ChatCoach.Discord.Emulator.Tests;

public sealed class RestTests : IAsyncLifetime, IDisposable
{
    private const string User = "53908232506183680";
    private DiscordEmulator _emulator = null!;
    private RestClient _rest = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Token = "secret-token-123" });
        _rest = new RestClient(_emulator);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _rest.Dispose();

    [Fact]
    public async Task Gateway_bot_points_at_the_emulator()
    {
        var response = await _rest.GetAsync("/gateway/bot");

        Assert.Equal(_emulator.GatewayUrl.ToString(), response.Body!["url"]!.GetValue<string>());
        Assert.Equal(1, response.Body["shards"]!.GetValue<int>());
        Assert.Equal(1000, response.Body["session_start_limit"]!["remaining"]!.GetValue<int>());
        Assert.Equal(1, response.Body["session_start_limit"]!["max_concurrency"]!.GetValue<int>());
    }

    [Fact]
    public async Task Requests_without_the_bot_token_get_401_and_the_token_is_never_recorded()
    {
        using var anonymous = new RestClient(_emulator, authorize: false);

        var missing = await anonymous.GetAsync("/users/@me");
        var ok = await _rest.GetAsync("/users/@me");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal("401: Unauthorized", missing.Body!["message"]!.GetValue<string>());
        Assert.Equal(0, missing.Body["code"]!.GetValue<int>());
        Assert.Equal(_emulator.Options.BotUserId, ok.Body!["id"]!.GetValue<string>());
        Assert.True(ok.Body["bot"]!.GetValue<bool>());
        var recorded = _emulator.Requests;
        Assert.Contains(recorded, r => r.HadAuthorization && r.AuthorizationValid && r.Headers["Authorization"] == "[redacted]");
        Assert.DoesNotContain(recorded, r => r.Headers.Values.Any(v => v.Contains("secret-token-123", StringComparison.Ordinal)));
        Assert.Contains(_emulator.Violations, v => v.Kind == ViolationKind.AuthenticationFailed);
    }

    [Fact]
    public async Task Create_dm_returns_the_same_channel_every_time()
    {
        var first = await _rest.PostAsync("/users/@me/channels", Fixture.Json("rest_create_dm_request"));
        var second = await _rest.PostAsync("/users/@me/channels", new JsonObject { ["recipient_id"] = User });

        Assert.Equal(1, first.Body!["type"]!.GetValue<int>());
        Assert.Equal(first.Body["id"]!.GetValue<string>(), second.Body!["id"]!.GetValue<string>());
        Assert.Equal(User, first.Body["recipients"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(_emulator.DmChannelId(User), first.Body["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Messages_are_recorded_per_user_with_their_components()
    {
        var channel = _emulator.DmChannelId(User);
        await _rest.PostAsync($"/channels/{channel}/messages", Fixture.Json("rest_create_message_with_buttons"));

        var message = Assert.Single(_emulator.MessagesToUser(User));
        Assert.Equal("This is a message with legacy components", message.Content);
        Assert.Equal(["click_yes", "click_no"], message.CustomIds());
        Assert.Equal(MessageOrigin.ChannelMessage, message.Origin);
        Assert.Equal(1, message.Components[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Editing_keeps_the_id_and_counts_revisions()
    {
        var channel = _emulator.DmChannelId(User);
        var created = await _rest.PostAsync($"/channels/{channel}/messages", new JsonObject { ["content"] = "draft" });
        var id = created.Body!["id"]!.GetValue<string>();

        var edited = await _rest.PatchAsync($"/channels/{channel}/messages/{id}", new JsonObject { ["content"] = "final" });

        Assert.Equal("final", edited.Body!["content"]!.GetValue<string>());
        Assert.NotNull(edited.Body["edited_timestamp"]!.GetValue<string>());
        var message = Assert.Single(_emulator.Messages(channel));
        Assert.Equal(1, message.Revision);
        Assert.Equal("final", message.Content);
    }

    [Fact]
    public async Task A_user_who_blocks_dms_gets_50007()
    {
        var channel = _emulator.DmChannelId(User);
        _emulator.SetDirectMessagesBlocked(User, true);

        var response = await _rest.PostAsync($"/channels/{channel}/messages", new JsonObject { ["content"] = "hello" });

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal(50007, response.Body!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_channels_are_10003()
    {
        var response = await _rest.PostAsync("/channels/42/messages", new JsonObject { ["content"] = "hello" });

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(10003, response.Body!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Replies_must_reference_an_existing_message()
    {
        var channel = _emulator.DmChannelId(User);
        var dm = await _emulator.SendDirectMessageAsync(User, "hi");

        var reply = await _rest.PostAsync($"/channels/{channel}/messages", new JsonObject { ["content"] = "hey", ["message_reference"] = new JsonObject { ["message_id"] = dm } });
        var dangling = await _rest.PostAsync($"/channels/{channel}/messages", new JsonObject { ["content"] = "hey", ["message_reference"] = new JsonObject { ["message_id"] = "1" } });

        Assert.Equal(19, reply.Body!["type"]!.GetValue<int>());
        Assert.Equal(dm, Assert.Single(_emulator.Messages(channel)).ReferencedMessageId);
        Assert.Equal(HttpStatusCode.BadRequest, dangling.Status);
    }

    [Fact]
    public async Task Multipart_payload_json_and_files_are_accepted_and_recorded()
    {
        var channel = _emulator.DmChannelId(User);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("{\"content\":\"see attached\",\"attachments\":[{\"id\":0,\"filename\":\"notes.txt\"}]}", Encoding.UTF8, "application/json"), "payload_json" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("hello file"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "files[0]", "notes.txt");

        var response = await _rest.SendAsync(new HttpRequestMessage(HttpMethod.Post, _rest.Url($"/channels/{channel}/messages")) { Content = form });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("notes.txt", response.Body!["attachments"]![0]!["filename"]!.GetValue<string>());
        var message = Assert.Single(_emulator.Messages(channel));
        var attachment = Assert.Single(message.Files);
        Assert.Equal("hello file", Encoding.UTF8.GetString(attachment.Content.Span));
        var request = Assert.Single(_emulator.Requests, r => r.Method == "POST" && r.Route == "/channels/{channel_id}/messages");
        Assert.Equal("notes.txt", Assert.Single(request.Files).FileName);
        Assert.Contains("see attached", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailNext_answers_the_next_matching_requests_with_the_status()
    {
        var channel = _emulator.DmChannelId(User);
        _emulator.FailNext($"POST /channels/{channel}/messages", 500, count: 2);

        var first = await _rest.PostAsync($"/channels/{channel}/messages", new JsonObject { ["content"] = "1" });
        var second = await _rest.PostAsync($"/channels/{channel}/messages", new JsonObject { ["content"] = "2" });
        var third = await _rest.PostAsync($"/channels/{channel}/messages", new JsonObject { ["content"] = "3" });

        Assert.Equal(HttpStatusCode.InternalServerError, first.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal("3", Assert.Single(_emulator.Messages(channel)).Content);
    }

    [Fact]
    public async Task Unversioned_paths_work_but_are_reported_and_routes_outside_the_spec_are_404()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", _emulator.Options.Token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.invalid, 1.0)");

        using var unversioned = await http.GetAsync(new Uri(_emulator.BaseUrl, "api/users/@me"));
        using var unknown = await http.GetAsync(new Uri(_emulator.BaseUrl, "api/v10/no/such/route"));

        Assert.Equal(HttpStatusCode.OK, unversioned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(_emulator.Violations, v => v.Kind == ViolationKind.UnversionedApiPath);
    }

    [Fact]
    public async Task A_missing_user_agent_is_reported()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", _emulator.Options.Token);

        using var response = await http.GetAsync(new Uri(_emulator.ApiBaseUrl + "/users/@me"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_emulator.Violations, v => v.Kind == ViolationKind.MissingUserAgent);
    }
}
