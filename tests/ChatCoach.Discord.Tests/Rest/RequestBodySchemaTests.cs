using System.Text.Json;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;
using ChatCoach.Discord.Tests.Support;

namespace ChatCoach.Discord.Tests.Rest;

// Every body the REST client can send, captured off the wire and validated against the requestBody schema of
// its route in shared/discord/openapi.json.
public sealed class RequestBodySchemaTests
{
    private static readonly OutgoingMessage Rich = new("Pick how you feel today — <@123> must not be pinged")
    {
        Components =
        [
            new ActionRow(new Button("mood:good", "Good"), new Button("mood:bad", "Not great", ButtonStyle.Secondary), Button.ForLink("Guide", new Uri("https://example.org/guide"))),
            new ActionRow(new StringSelect("goal", [new SelectOption("Sleep better", "sleep") { Description = "Evening routine" }, new SelectOption("Move more", "move")]) { Placeholder = "Choose a goal", MinValues = 1, MaxValues = 2 }),
        ],
        Flags = MessageFlags.SuppressEmbeds,
    };

    private static readonly OutgoingMessage WithFile = new("Your plan is attached")
    {
        Files = [new DiscordFile("plan.md", "# Plan"u8.ToArray()) { Description = "Coaching plan", ContentType = "text/markdown" }],
    };

    public static TheoryData<string, string, string> Cases => new()
    {
        { "create DM", "post", "/users/@me/channels" },
        { "message: text", "post", "/channels/{channel_id}/messages" },
        { "message: components", "post", "/channels/{channel_id}/messages" },
        { "message: reply", "post", "/channels/{channel_id}/messages" },
        { "message: file", "post", "/channels/{channel_id}/messages" },
        { "edit message", "patch", "/channels/{channel_id}/messages/{message_id}" },
        { "edit message: file", "patch", "/channels/{channel_id}/messages/{message_id}" },
        { "callback 4", "post", "/interactions/{interaction_id}/{interaction_token}/callback" },
        { "callback 4 ephemeral + components", "post", "/interactions/{interaction_id}/{interaction_token}/callback" },
        { "callback 4 file", "post", "/interactions/{interaction_id}/{interaction_token}/callback" },
        { "callback 5", "post", "/interactions/{interaction_id}/{interaction_token}/callback" },
        { "callback 5 ephemeral", "post", "/interactions/{interaction_id}/{interaction_token}/callback" },
        { "callback 6", "post", "/interactions/{interaction_id}/{interaction_token}/callback" },
        { "callback 7", "post", "/interactions/{interaction_id}/{interaction_token}/callback" },
        { "edit original", "patch", "/webhooks/{webhook_id}/{webhook_token}/messages/@original" },
        { "edit original: file", "patch", "/webhooks/{webhook_id}/{webhook_token}/messages/@original" },
        { "follow-up ephemeral", "post", "/webhooks/{webhook_id}/{webhook_token}" },
        { "follow-up: file", "post", "/webhooks/{webhook_id}/{webhook_token}" },
        { "global commands", "put", "/applications/{application_id}/commands" },
        { "guild commands", "put", "/applications/{application_id}/guilds/{guild_id}/commands" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Body_validates_against_the_openapi_request_schema(string kind, string method, string specPath)
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        using var client = new DiscordRestClient(http, TestOptions.Create());

        await Send(client, kind);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(method, request.Method.Method.ToLowerInvariant());
        Assert.NotNull(request.Body);
        var contentType = request.Files.Count > 0 ? "multipart/form-data" : "application/json";
        Assert.Equal(contentType, request.ContentType);
        var result = OpenApiValidator.Instance.Validate(specPath, method, request.Body!, contentType);
        Assert.True(result.IsValid, $"{kind}: {request.Body}{Environment.NewLine}{OpenApiValidator.Describe(result)}");

        if (kind is not ("create DM" or "global commands" or "guild commands" or "callback 5" or "callback 6"))
        {
            using var body = JsonDocument.Parse(request.Body!);
            var data = body.RootElement.TryGetProperty("type", out _) && body.RootElement.TryGetProperty("data", out var d) ? d : body.RootElement;
            Assert.Equal("""{"parse":[]}""", data.GetProperty("allowed_mentions").GetRawText());
        }
    }

    [Fact]
    public void Validator_rejects_an_invalid_body()
    {
        // Guards against a validator that accepts everything (e.g. unresolved $refs).
        var tooLong = JsonSerializer.Serialize(new { content = new string('x', 2001) });
        Assert.False(OpenApiValidator.Instance.Validate("/webhooks/{webhook_id}/{webhook_token}/messages/@original", "patch", tooLong).IsValid);
        Assert.False(OpenApiValidator.Instance.Validate("/channels/{channel_id}/messages", "post", """{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"x","custom_id":""}]}]}""").IsValid);
        Assert.False(OpenApiValidator.Instance.Validate("/applications/{application_id}/commands", "put", """[{"name":"x","default_member_permissions":"32"}]""").IsValid);
    }

    private static async Task Send(DiscordRestClient client, string kind)
    {
        const string Channel = "290926798999357250";
        const string Message = "334385199974967042";
        const string App = "234248956100616262";
        const string InteractionId = "1234968734674854000";
        const string InteractionToken = "aW50ZXJhY3Rpb246MTIzNDk2ODczNDY3NDg1NDAwMDpBQkM";
        switch (kind)
        {
            case "create DM": await client.CreateDmChannelAsync("53908232506183680"); break;
            case "message: text": await client.CreateMessageAsync(Channel, new OutgoingMessage("Hello!")); break;
            case "message: components": await client.CreateMessageAsync(Channel, Rich); break;
            case "message: reply": await client.CreateMessageAsync(Channel, new OutgoingMessage("Replying") { ReplyToMessageId = Message, Flags = MessageFlags.SuppressNotifications }); break;
            case "message: file": await client.CreateMessageAsync(Channel, WithFile); break;
            case "edit message": await client.EditMessageAsync(Channel, Message, Rich); break;
            case "edit message: file": await client.EditMessageAsync(Channel, Message, WithFile); break;
            case "callback 4": await client.CreateInteractionResponseAsync(InteractionId, InteractionToken, InteractionResponse.Reply(new OutgoingMessage("Hi"))); break;
            case "callback 4 ephemeral + components": await client.CreateInteractionResponseAsync(InteractionId, InteractionToken, InteractionResponse.Reply(Rich with { Flags = MessageFlags.Ephemeral })); break;
            case "callback 4 file": await client.CreateInteractionResponseAsync(InteractionId, InteractionToken, InteractionResponse.Reply(WithFile)); break;
            case "callback 5": await client.CreateInteractionResponseAsync(InteractionId, InteractionToken, InteractionResponse.Defer()); break;
            case "callback 5 ephemeral": await client.CreateInteractionResponseAsync(InteractionId, InteractionToken, InteractionResponse.Defer(ephemeral: true)); break;
            case "callback 6": await client.CreateInteractionResponseAsync(InteractionId, InteractionToken, InteractionResponse.DeferUpdate()); break;
            case "callback 7": await client.CreateInteractionResponseAsync(InteractionId, InteractionToken, InteractionResponse.UpdateMessage(Rich)); break;
            case "edit original": await client.EditOriginalInteractionResponseAsync(App, InteractionToken, Rich); break;
            case "edit original: file": await client.EditOriginalInteractionResponseAsync(App, InteractionToken, WithFile); break;
            case "follow-up ephemeral": await client.CreateFollowupMessageAsync(App, InteractionToken, new OutgoingMessage("Only you") { Flags = MessageFlags.Ephemeral }); break;
            case "follow-up: file": await client.CreateFollowupMessageAsync(App, InteractionToken, WithFile); break;
            case "global commands": await client.BulkOverwriteGlobalCommandsAsync(App, Commands.ChatCoach); break;
            case "guild commands": await client.BulkOverwriteGuildCommandsAsync(App, "41771983423143937", Commands.ChatCoach); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
