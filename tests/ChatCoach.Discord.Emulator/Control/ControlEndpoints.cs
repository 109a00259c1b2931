using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator.Control;

/// <summary>
/// <c>/_emulator/…</c>: a tiny HTTP remote control for out-of-process checks (the discord.js one),
/// which cannot call <see cref="DiscordEmulator"/> directly. Not part of Discord's API.
/// </summary>
internal sealed class ControlEndpoints(DiscordEmulator emulator)
{
    public async Task HandleAsync(HttpContext http)
    {
        var route = $"{http.Request.Method} {http.Request.Path.Value?.TrimEnd('/')}";
        try
        {
            switch (route)
            {
                case "POST /_emulator/dm":
                    var body = await ReadObjectAsync(http);
                    var id = await emulator.SendDirectMessageAsync(Required(body, "userId"), Required(body, "content"), cancellationToken: http.RequestAborted);
                    await WriteAsync(http, 200, new JsonObject { ["id"] = id });
                    break;
                case "POST /_emulator/slash":
                    var slash = await ReadObjectAsync(http);
                    var options = (slash["options"] as JsonObject ?? [])
                        .Select(o => new CommandOptionValue(o.Key, Clr(o.Value)))
                        .ToList();
                    var slashId = await emulator.SlashCommandAsync(Required(slash, "userId"), Required(slash, "name"), options, cancellationToken: http.RequestAborted);
                    await WriteAsync(http, 200, new JsonObject { ["id"] = slashId });
                    break;
                case "POST /_emulator/click":
                    var click = await ReadObjectAsync(http);
                    var clickId = await emulator.ClickButtonAsync(Required(click, "userId"), Required(click, "messageId"), Required(click, "customId"), http.RequestAborted);
                    await WriteAsync(http, 200, new JsonObject { ["id"] = clickId });
                    break;
                case "POST /_emulator/ratelimit":
                    var limit = await ReadObjectAsync(http);
                    emulator.RateLimitNext(
                        Required(limit, "route"),
                        TimeSpan.FromMilliseconds(Wire.GetInteger(limit, "retryAfterMs") ?? 1000),
                        limit["global"] is JsonValue global && global.TryGetValue<bool>(out var isGlobal) && isGlobal);
                    http.Response.StatusCode = 204;
                    break;
                case "GET /_emulator/requests":
                    await WriteAsync(http, 200, new JsonArray([.. emulator.Requests.Select(r => (JsonNode)new JsonObject
                    {
                        ["method"] = r.Method,
                        ["path"] = r.Path,
                        ["status"] = r.Status,
                        ["rate_limit"] = r.RateLimit.ToString(),
                    })]));
                    break;
                case "POST /_emulator/op7":
                    await emulator.SendReconnectAsync(http.RequestAborted);
                    http.Response.StatusCode = 204;
                    break;
                case "POST /_emulator/drop":
                    await emulator.DropConnectionsAsync(http.RequestAborted);
                    http.Response.StatusCode = 204;
                    break;
                case "GET /_emulator/messages":
                    await WriteAsync(http, 200, new JsonArray([.. emulator.BotMessages().Select(m => (JsonNode)new JsonObject
                    {
                        ["id"] = m.Id,
                        ["channel_id"] = m.ChannelId,
                        ["recipient_user_id"] = m.RecipientUserId,
                        ["content"] = m.Content,
                        ["revision"] = m.Revision,
                        ["origin"] = m.Origin.ToString(),
                        ["referenced_message_id"] = m.ReferencedMessageId,
                        ["interaction_id"] = m.InteractionId,
                        ["flags"] = m.Flags,
                        ["custom_ids"] = new JsonArray([.. m.CustomIds().Select(c => (JsonNode)c)]),
                    })]));
                    break;
                case "GET /_emulator/violations":
                    await WriteAsync(http, 200, new JsonArray([.. emulator.Violations.Select(v => (JsonNode)new JsonObject
                    {
                        ["kind"] = v.Kind.ToString(),
                        ["detail"] = v.Detail,
                    })]));
                    break;
                case "GET /_emulator/connections":
                    await WriteAsync(http, 200, JsonSerializer.SerializeToNode(emulator.Connections.Select(c => new { c.Id, c.Path, c.SessionId, c.Resumed, End = c.End.ToString(), c.CloseCode }))!);
                    break;
                default:
                    await WriteAsync(http, 404, new JsonObject { ["error"] = $"unknown control route {route}" });
                    break;
            }
        }
        catch (Exception e) when (e is ArgumentException or JsonException or InvalidOperationException)
        {
            await WriteAsync(http, 400, new JsonObject { ["error"] = e.Message });
        }
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext http) =>
        await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
            ?? throw new ArgumentException("body must be a JSON object");

    private static object? Clr(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValueKind.Number when value.AsValue().TryGetValue<long>(out var integer) => integer,
        JsonValueKind.Number => value.GetValue<double>(),
        _ => null,
    };

    private static string Required(JsonObject body, string name) =>
        Wire.GetString(body, name) ?? throw new ArgumentException($"{name} is required");

    private static async Task WriteAsync(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(Wire.Serialize(body));
    }
}
