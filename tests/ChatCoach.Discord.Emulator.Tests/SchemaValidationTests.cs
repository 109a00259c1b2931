using System.Net;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Tests.Support;

namespace ChatCoach.Discord.Emulator.Tests;

/// <summary>Request bodies are checked against the OpenAPI schema of their route (plus documented limits).</summary>
public sealed class SchemaValidationTests : IAsyncLifetime, IDisposable
{
    private DiscordEmulator _emulator = null!;
    private RestClient _rest = null!;
    private string _channel = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DiscordEmulator.StartAsync();
        _rest = new RestClient(_emulator);
        _channel = _emulator.DmChannelId("53908232506183680");
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _rest.Dispose();

    [Theory]
    [InlineData("rest_create_message_embed")]
    [InlineData("rest_create_message_with_buttons")]
    [InlineData("rest_create_message_with_select")]
    public async Task Valid_message_fixtures_are_accepted(string fixture)
    {
        var response = await _rest.PostAsync($"/channels/{_channel}/messages", Fixture.Json(fixture));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(_channel, response.Body!["channel_id"]!.GetValue<string>());
        Assert.Empty(_emulator.Violations);
    }

    [Fact]
    public async Task Broken_fixture_fails_with_invalid_form_body_mirroring_the_request_shape()
    {
        var body = Fixture.Json("rest_create_message_with_buttons").AsObject();
        body["components"]![0]!["components"]![0]!["custom_id"] = string.Empty;
        body["content"] = 5;

        var response = await _rest.PostAsync($"/channels/{_channel}/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(50035, response.Body!["code"]!.GetValue<int>());
        Assert.Equal("Invalid Form Body", response.Body["message"]!.GetValue<string>());
        var errors = response.Body["errors"]!;
        Assert.Equal("BASE_TYPE_STRING", errors["content"]!["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("BASE_TYPE_BAD_LENGTH", errors["components"]!["0"]!["components"]!["0"]!["custom_id"]!["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains(_emulator.Violations, v => v.Kind == ViolationKind.InvalidFormBody);
        Assert.Empty(_emulator.BotMessages());
    }

    [Fact]
    public async Task Only_the_invalid_field_is_reported_when_unions_elsewhere_match()
    {
        var body = Fixture.Json("rest_create_message_with_select").AsObject();
        body["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("users") };
        body["tts"] = "yes";

        var response = await _rest.PostAsync($"/channels/{_channel}/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var errors = response.Body!["errors"]!.AsObject();
        Assert.Equal(["tts"], errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Enum_like_unions_report_their_choices()
    {
        var body = new JsonObject { ["content"] = "hi", ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("nobody") } };

        var response = await _rest.PostAsync($"/channels/{_channel}/messages", body);

        var error = response.Body!["errors"]!["allowed_mentions"]!["parse"]!["0"]!["_errors"]![0]!;
        Assert.Equal("BASE_TYPE_CHOICES", error["code"]!.GetValue<string>());
        Assert.Contains("'users'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_over_the_documented_2000_characters_is_rejected_although_the_spec_allows_4000()
    {
        var ok = await _rest.PostAsync($"/channels/{_channel}/messages", new JsonObject { ["content"] = new string('a', 2000) });
        var tooLong = await _rest.PostAsync($"/channels/{_channel}/messages", new JsonObject { ["content"] = new string('a', 2001) });

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", tooLong.Body!["errors"]!["content"]!["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("Must be 2000 or fewer in length.", tooLong.Body["errors"]!["content"]!["_errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_required_fields_are_reported_where_they_belong()
    {
        var body = new JsonObject { ["content"] = "x", ["components"] = new JsonArray(new JsonObject { ["type"] = 1 }) };

        var response = await _rest.PostAsync($"/channels/{_channel}/messages", body);

        Assert.Equal("BASE_TYPE_REQUIRED", response.Body!["errors"]!["components"]!["0"]!["components"]!["_errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Component_rules_the_schema_cannot_express_are_enforced()
    {
        var duplicate = new JsonObject
        {
            ["content"] = "x",
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(
                    new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "a", ["custom_id"] = "same" },
                    new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "b", ["custom_id"] = "same" }),
            }),
        };

        var response = await _rest.PostAsync($"/channels/{_channel}/messages", duplicate);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("COMPONENT_CUSTOM_ID_DUPLICATED", response.Body!["errors"]!["components"]!["0"]!["components"]!["1"]!["custom_id"]!["_errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_message_is_error_50006()
    {
        var response = await _rest.PostAsync($"/channels/{_channel}/messages", new JsonObject { ["content"] = string.Empty });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(50006, response.Body!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invalid_json_is_error_50109_and_a_wrong_content_type_is_50035()
    {
        var invalid = await _rest.PostRawAsync($"/channels/{_channel}/messages", "{\"content\":", "application/json");
        var plain = await _rest.PostRawAsync($"/channels/{_channel}/messages", "{\"content\":\"hi\"}", "text/plain");

        Assert.Equal(50109, invalid.Body!["code"]!.GetValue<int>());
        Assert.Equal("CONTENT_TYPE_INVALID", plain.Body!["errors"]!["_errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_bulk_overwrite_fixture_is_valid_with_string_permissions()
    {
        var response = await _rest.PutAsync($"/applications/{_emulator.Options.ApplicationId}/commands", Fixture.Json("rest_bulk_overwrite_global_commands"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, response.Body!.AsArray().Count);
        Assert.Equal("32", response.Body[1]!["default_member_permissions"]!.GetValue<string>());
        Assert.Single(_emulator.CommandRegistrations);
    }

    [Fact]
    public async Task Command_rules_reject_uppercase_names_and_optional_before_required()
    {
        var commands = new JsonArray(new JsonObject
        {
            ["name"] = "Coach",
            ["description"] = "d",
            ["options"] = new JsonArray(
                new JsonObject { ["type"] = 3, ["name"] = "a", ["description"] = "a" },
                new JsonObject { ["type"] = 3, ["name"] = "b", ["description"] = "b", ["required"] = true }),
        });

        var response = await _rest.PutAsync($"/applications/{_emulator.Options.ApplicationId}/commands", commands);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Body!["errors"]!["0"]!["name"]);
        Assert.NotNull(response.Body["errors"]!["0"]!["options"]);
        Assert.Empty(_emulator.CommandRegistrations);
    }

    [Theory]
    [InlineData("callback_message_ephemeral", true)]
    [InlineData("callback_deferred_ephemeral", true)]
    [InlineData("callback_deferred_update", true)]
    [InlineData("callback_update_message", true)]
    [InlineData("callback_modal", true)]
    [InlineData("callback_autocomplete_result", true)]
    [InlineData("callback_pong", true)]
    public void Callback_fixtures_match_the_callback_schema(string fixture, bool valid)
    {
        var spec = Schema.OpenApiSpec.LoadEmbedded();
        var route = spec.Match("/interactions/1/token/callback")!;
        var schema = spec.RequestSchema(route.Route, "POST")!;
        var errors = new Schema.RequestBodyValidator(spec).Validate(schema, System.Text.Json.JsonDocument.Parse(Fixture.Text(fixture)).RootElement);

        Assert.Equal(valid, errors is null);
    }

    [Fact]
    public void A_modal_with_six_fields_breaks_the_documented_limit_of_five()
    {
        var spec = Schema.OpenApiSpec.LoadEmbedded();
        var schema = spec.RequestSchema(spec.Match("/interactions/1/token/callback")!.Route, "POST")!;
        var modal = Fixture.Json("callback_modal").AsObject();
        var components = modal["data"]!["components"]!.AsArray();
        for (var i = 0; i < 5; i++)
        {
            var copy = components[0]!.DeepClone();
            copy["component"]!["custom_id"] = $"field{i}";
            components.Add(copy);
        }

        var errors = new Schema.RequestBodyValidator(spec).Validate(schema, System.Text.Json.JsonDocument.Parse(modal.ToJsonString()).RootElement);

        Assert.NotNull(errors);
    }
}
