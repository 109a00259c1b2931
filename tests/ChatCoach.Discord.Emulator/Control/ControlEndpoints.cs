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
                    var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
                        ?? throw new ArgumentException("body must be {userId, content}");
                    var id = await emulator.SendDirectMessageAsync(
                        Wire.GetString(body, "userId") ?? throw new ArgumentException("userId is required"),
                        Wire.GetString(body, "content") ?? throw new ArgumentException("content is required"),
                        cancellationToken: http.RequestAborted);
                    await WriteAsync(http, 200, new JsonObject { ["id"] = id });
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

    private static async Task WriteAsync(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(Wire.Serialize(body));
    }
}
