using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.RateLimits;
using ChatCoach.Discord.Emulator.Tests.Support;

namespace ChatCoach.Discord.Emulator.Tests;

/// <summary>
/// The faults that make a client lose or double a reply: processed then 5xx, processed then the connection drops, a
/// request held until its client dies; and what Discord counts and refuses (invalid requests, 50001 in a group DM).
/// </summary>
public sealed class FaultTests : IAsyncLifetime, IDisposable
{
    private const string User = "53908232506183680";
    private DiscordEmulator _emulator = null!;
    private RestClient _rest = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DiscordEmulator.StartAsync();
        _rest = new RestClient(_emulator);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _rest.Dispose();

    private string Messages => $"/channels/{_emulator.DmChannelId(User)}/messages";

    [Fact]
    public async Task Processed_then_500_posts_the_message_but_answers_500()
    {
        _emulator.FaultAfterProcessing("POST /channels", AfterwardsFault.ServerError);

        var failed = await _rest.PostAsync(Messages, new JsonObject { ["content"] = "one" });
        var next = await _rest.PostAsync(Messages, new JsonObject { ["content"] = "two" });

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal(["one", "two"], _emulator.MessagesToUser(User).Select(m => m.Content));
    }

    [Fact]
    public async Task Processed_then_dropped_posts_the_message_and_the_client_sees_no_answer()
    {
        _emulator.FaultAfterProcessing("POST /channels", AfterwardsFault.ConnectionDrop);

        await Assert.ThrowsAsync<HttpRequestException>(() => _rest.PostAsync(Messages, new JsonObject { ["content"] = "one" }));

        Assert.Equal("one", Assert.Single(_emulator.MessagesToUser(User)).Content);
    }

    [Fact]
    public async Task A_held_request_is_processed_when_released_and_never_when_its_client_went_away()
    {
        var held = _emulator.HoldNext("POST /channels");
        using (var gone = new HttpClient())
        {
            gone.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bot", _emulator.Options.Token);
            using var cancel = new CancellationTokenSource();
            var send = gone.PostAsync(_rest.Url(Messages), new StringContent("""{"content":"lost"}""", Encoding.UTF8, "application/json"), cancel.Token);
            await held.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        }

        var second = _emulator.HoldNext("POST /channels");
        var sending = _rest.PostAsync(Messages, new JsonObject { ["content"] = "kept" });
        await second.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(_emulator.MessagesToUser(User));
        second.Release();

        Assert.Equal(HttpStatusCode.OK, (await sending).Status);
        await Task.Delay(200);
        Assert.Equal("kept", Assert.Single(_emulator.MessagesToUser(User)).Content);
    }

    [Fact]
    public async Task Invalid_requests_401_403_and_429_are_counted()
    {
        using var anonymous = new RestClient(_emulator, authorize: false);
        _emulator.SetDirectMessagesBlocked(User, blocked: true);

        await anonymous.GetAsync("/users/@me");
        await _rest.PostAsync(Messages, new JsonObject { ["content"] = "blocked" });
        await _rest.GetAsync("/users/@me");

        Assert.Equal(2, _emulator.InvalidRequestCount);
    }

    [Fact]
    public async Task A_group_dm_interaction_is_context_2_and_the_bot_cannot_post_in_that_channel()
    {
        var commands = new JsonArray(new JsonObject
        {
            ["name"] = "plan",
            ["description"] = "Your plan",
            ["type"] = 1,
            ["integration_types"] = new JsonArray(0, 1),
            ["contexts"] = new JsonArray(0, 1, 2),
        });
        Assert.Equal(HttpStatusCode.OK, (await _rest.PutAsync($"/applications/{_emulator.Options.ApplicationId}/commands", commands)).Status);

        var id = await _emulator.SlashCommandInGroupDmAsync(User, "plan");
        var interaction = _emulator.Interaction(id)!;
        var posted = await _rest.PostAsync($"/channels/{_emulator.GroupDmChannelId(User)}/messages", new JsonObject { ["content"] = "public!" });

        Assert.Equal((2, 3), (interaction.Context, interaction.ChannelType));
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(50001, posted.Body!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_dm_with_only_an_image_carries_the_attachment_with_its_size_and_the_file_is_served()
    {
        var image = new EmulatedAttachment("scan.png", [1, 2, 3, 4], "image/png");

        var id = await _emulator.SendDirectAttachmentAsync(User, image);
        var listed = await _rest.GetAsync($"/channels/{_emulator.DmChannelId(User)}/messages/{id}");
        var attachment = listed.Body!["attachments"]![0]!;
        using var http = new HttpClient();
        var served = await http.GetByteArrayAsync(new Uri(attachment["url"]!.GetValue<string>()));

        Assert.Equal(string.Empty, listed.Body["content"]!.GetValue<string>());
        Assert.Equal(4, attachment["size"]!.GetValue<long>());
        Assert.Equal(image.Content, served);
    }
}
