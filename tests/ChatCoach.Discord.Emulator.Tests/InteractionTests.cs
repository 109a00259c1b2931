using System.Net;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatCoach.Discord.Emulator.Tests;

/// <summary>Interaction callbacks, deadlines and webhooks, on an emulated clock.</summary>
public sealed class InteractionTests : IAsyncLifetime, IDisposable
{
    private const string User = "53908232506183680";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private DiscordEmulator _emulator = null!;
    private RestClient _rest = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { TimeProvider = _time });
        _rest = new RestClient(_emulator);
        var registered = await _rest.PutAsync($"/applications/{_emulator.Options.ApplicationId}/commands", Fixture.Json("rest_bulk_overwrite_global_commands"));
        Assert.Equal(HttpStatusCode.OK, registered.Status);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _rest.Dispose();

    private Task<string> CoachAsync() => _emulator.SlashCommandAsync(User, "coach", [new CommandOptionValue("topic", "small talk")]);

    private Task<RestResponse> CallbackAsync(string interactionId, JsonNode body) =>
        _rest.PostAsync($"/interactions/{interactionId}/{_emulator.Interaction(interactionId)!.Token}/callback", body);

    private string Webhook(string interactionId) => $"/webhooks/{_emulator.Options.ApplicationId}/{_emulator.Interaction(interactionId)!.Token}";

    [Fact]
    public async Task Defer_then_edit_original_produces_one_message_that_stops_loading()
    {
        var id = await CoachAsync();

        var deferred = await CallbackAsync(id, Fixture.Json("callback_deferred_ephemeral"));
        var placeholder = Assert.Single(_emulator.MessagesToUser(User));
        var edited = await _rest.PatchAsync(Webhook(id) + "/messages/@original", Fixture.Json("webhook_edit_original_body"));

        Assert.Equal(HttpStatusCode.NoContent, deferred.Status);
        Assert.True(placeholder.IsLoading);
        Assert.True(placeholder.IsEphemeral);
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        var answer = await _emulator.WaitForMessageAsync(m => m.Content == "Here is your coaching tip...", Patience);
        Assert.False(answer.IsLoading);
        Assert.True(answer.IsEphemeral);
        Assert.Equal(id, answer.InteractionId);
        Assert.Equal(MessageOrigin.InteractionResponse, answer.Origin);
        var interaction = _emulator.Interaction(id)!;
        Assert.Equal(5, interaction.CallbackType);
        Assert.Equal(answer.Id, interaction.ResponseMessageId);
        Assert.Empty(_emulator.Violations);
    }

    [Fact]
    public async Task A_callback_after_the_three_second_deadline_is_10062()
    {
        var id = await CoachAsync();
        _time.Advance(TimeSpan.FromMilliseconds(3001));

        var late = await CallbackAsync(id, Fixture.Json("callback_message_ephemeral"));

        Assert.Equal(HttpStatusCode.NotFound, late.Status);
        Assert.Equal(10062, late.Body!["code"]!.GetValue<int>());
        Assert.Equal("Unknown interaction", late.Body["message"]!.GetValue<string>());
        Assert.Empty(_emulator.MessagesToUser(User));
        Assert.Contains(_emulator.Violations, v => v.Kind == ViolationKind.LateInteractionResponse);
        Assert.Null(_emulator.Interaction(id)!.CallbackType);
    }

    [Fact]
    public async Task The_deadline_is_configurable()
    {
        await using var patient = await DiscordEmulator.StartAsync(new EmulatorOptions { TimeProvider = _time, InteractionResponseDeadline = TimeSpan.FromSeconds(10), RequireRegisteredCommands = false });
        using var rest = new RestClient(patient);
        var id = await patient.SlashCommandAsync(User, "anything");
        _time.Advance(TimeSpan.FromSeconds(5));

        var response = await rest.PostAsync($"/interactions/{id}/{patient.Interaction(id)!.Token}/callback", Fixture.Json("callback_message_ephemeral"));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
    }

    [Fact]
    public async Task A_second_callback_is_40060()
    {
        var id = await CoachAsync();
        await CallbackAsync(id, Fixture.Json("callback_message_ephemeral"));

        var again = await CallbackAsync(id, Fixture.Json("callback_message_ephemeral"));

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(40060, again.Body!["code"]!.GetValue<int>());
        Assert.Single(_emulator.MessagesToUser(User));
        Assert.Contains(_emulator.Violations, v => v.Kind == ViolationKind.DuplicateInteractionResponse);
    }

    [Fact]
    public async Task Callback_types_must_fit_the_interaction()
    {
        var id = await CoachAsync();

        var updateOnCommand = await CallbackAsync(id, Fixture.Json("callback_update_message"));

        Assert.Equal(HttpStatusCode.BadRequest, updateOnCommand.Status);
        Assert.Equal(50035, updateOnCommand.Body!["code"]!.GetValue<int>());
        Assert.Null(_emulator.Interaction(id)!.CallbackType);
    }

    [Fact]
    public async Task Follow_ups_need_an_acknowledged_interaction_and_expire_with_the_token()
    {
        var id = await CoachAsync();
        var before = await _rest.PostAsync(Webhook(id), Fixture.Json("webhook_followup_ephemeral_body"));
        await CallbackAsync(id, new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "hello" } });

        var followUp = await _rest.PostAsync(Webhook(id), Fixture.Json("webhook_followup_ephemeral_body"));
        _time.Advance(TimeSpan.FromMinutes(15.1));
        var expired = await _rest.PostAsync(Webhook(id), Fixture.Json("webhook_followup_ephemeral_body"));

        Assert.Equal(10015, before.Body!["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, followUp.Status);
        Assert.Equal(64, followUp.Body!["flags"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal(50027, expired.Body!["code"]!.GetValue<int>());
        Assert.Equal([MessageOrigin.InteractionResponse, MessageOrigin.FollowUp], _emulator.MessagesToUser(User).Select(m => m.Origin));
    }

    [Fact]
    public async Task A_follow_up_while_deferred_fills_the_placeholder()
    {
        var id = await CoachAsync();
        await CallbackAsync(id, Fixture.Json("callback_deferred_ephemeral"));

        await _rest.PostAsync(Webhook(id), new JsonObject { ["content"] = "done" });

        var only = Assert.Single(_emulator.MessagesToUser(User));
        Assert.Equal("done", only.Content);
        Assert.False(only.IsLoading);
    }

    [Fact]
    public async Task Clicking_a_button_and_updating_the_message()
    {
        var channel = _emulator.DmChannelId(User);
        var posted = await _rest.PostAsync($"/channels/{channel}/messages", Fixture.Json("rest_create_message_with_buttons"));
        var messageId = posted.Body!["id"]!.GetValue<string>();

        var id = await _emulator.ClickButtonAsync(User, messageId, "click_yes");
        var update = await CallbackAsync(id, Fixture.Json("callback_update_message"));

        Assert.Equal(HttpStatusCode.NoContent, update.Status);
        var message = Assert.Single(_emulator.MessagesToUser(User));
        Assert.Equal("Updated!", message.Content);
        Assert.Empty(message.CustomIds());
        Assert.Equal(messageId, _emulator.Interaction(id)!.ResponseMessageId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _emulator.ClickButtonAsync(User, messageId, "click_no"));
    }

    [Fact]
    public async Task Link_buttons_and_other_users_dms_cannot_be_clicked()
    {
        var channel = _emulator.DmChannelId(User);
        var posted = await _rest.PostAsync($"/channels/{channel}/messages", Fixture.Json("rest_create_message_with_buttons"));
        var messageId = posted.Body!["id"]!.GetValue<string>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _emulator.ClickButtonAsync("80351110224678912", messageId, "click_yes"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _emulator.ClickButtonAsync(User, messageId, "nope"));
    }

    [Fact]
    public async Task Selecting_an_option()
    {
        var channel = _emulator.DmChannelId(User);
        var posted = await _rest.PostAsync($"/channels/{channel}/messages", Fixture.Json("rest_create_message_with_select"));
        var messageId = posted.Body!["id"]!.GetValue<string>();

        var id = await _emulator.SelectAsync(User, messageId, "favorite_bug", "butterfly");

        Assert.Equal(3, _emulator.Interaction(id)!.Type);
        await Assert.ThrowsAsync<ArgumentException>(() => _emulator.SelectAsync(User, messageId, "favorite_bug", "spider"));
        await Assert.ThrowsAsync<ArgumentException>(() => _emulator.SelectAsync(User, messageId, "favorite_bug", ["ant", "butterfly"]));
    }

    [Fact]
    public async Task Commands_must_be_registered_and_visible_where_they_are_invoked()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _emulator.SlashCommandAsync(User, "unknown"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _emulator.SlashCommandAsync(User, "coach-admin", [CommandOptionValue.Sub("stats")]));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _emulator.SlashCommandAsync(User, "coach-admin", [CommandOptionValue.Sub("stats")], new GuildInvocation("290926798626357999")));
        await Assert.ThrowsAsync<ArgumentException>(() => _emulator.SlashCommandAsync(User, "coach"));

        var asAdmin = await _emulator.SlashCommandAsync(
            User,
            "coach-admin",
            [CommandOptionValue.Sub("reset-user", new CommandOptionValue("user", "80351110224678912"))],
            new GuildInvocation("290926798626357999", Permissions: GuildInvocation.AdministratorPermissions));
        var overridden = await _emulator.SlashCommandAsync(User, "coach-admin", [CommandOptionValue.Sub("stats")], new GuildInvocation("290926798626357999", CommandPermissionOverride: true));

        Assert.Equal("290926798626357999", _emulator.Interaction(asAdmin)!.GuildId);
        Assert.NotNull(_emulator.Interaction(overridden));
    }

    [Fact]
    public async Task A_modal_opened_by_a_command_can_be_submitted()
    {
        var id = await CoachAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await CallbackAsync(id, Fixture.Json("callback_modal"))).Status);

        var submitted = await _emulator.SubmitModalAsync(User, id, new Dictionary<string, string> { ["game_feedback"] = new string('x', 120) });
        var reply = await CallbackAsync(submitted, new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "thanks" } });

        Assert.Equal(5, _emulator.Interaction(submitted)!.Type);
        Assert.Equal("game_feedback_modal", _emulator.Interaction(submitted)!.Name);
        Assert.Equal(HttpStatusCode.NoContent, reply.Status);
        await Assert.ThrowsAsync<ArgumentException>(() => _emulator.SubmitModalAsync(User, id, new Dictionary<string, string> { ["game_feedback"] = "short" }));
    }

    [Fact]
    public async Task With_response_returns_the_callback_resource_and_original_can_be_fetched_and_deleted()
    {
        var id = await CoachAsync();

        var response = await _rest.PostAsync($"/interactions/{id}/{_emulator.Interaction(id)!.Token}/callback?with_response=true", new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "hello" } });
        var original = await _rest.GetAsync(Webhook(id) + "/messages/@original");
        var deleted = await _rest.SendAsync(HttpMethod.Delete, Webhook(id) + "/messages/@original", null);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(id, response.Body!["interaction"]!["id"]!.GetValue<string>());
        Assert.Equal(4, response.Body["resource"]!["type"]!.GetValue<int>());
        Assert.Equal("hello", response.Body["resource"]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal("hello", original.Body!["content"]!.GetValue<string>());
        Assert.Equal(20, original.Body["type"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Empty(_emulator.MessagesToUser(User));
    }
}
