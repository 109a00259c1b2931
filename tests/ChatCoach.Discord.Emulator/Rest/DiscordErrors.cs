namespace ChatCoach.Discord.Emulator.Rest;

/// <summary>Discord's JSON error codes the emulator answers with (PROTOCOL.md §6.8, §3.7).</summary>
internal static class DiscordErrors
{
    public static RestResult NotFound() => RestResult.Error(404, 0, "404: Not Found");

    public static RestResult MethodNotAllowed() => RestResult.Error(405, 0, "405: Method Not Allowed");

    public static RestResult Unauthorized() => RestResult.Error(401, 0, "401: Unauthorized", ViolationKind.AuthenticationFailed);

    public static RestResult UnknownApplication() => RestResult.Error(404, 10002, "Unknown Application");

    public static RestResult UnknownChannel() => RestResult.Error(404, 10003, "Unknown Channel");

    public static RestResult UnknownMessage() => RestResult.Error(404, 10008, "Unknown Message");

    public static RestResult UnknownUser() => RestResult.Error(404, 10013, "Unknown User");

    public static RestResult UnknownWebhook() => RestResult.Error(404, 10015, "Unknown Webhook");

    public static RestResult UnknownInteraction(ViolationKind violation = ViolationKind.RejectedRequest) =>
        RestResult.Error(404, 10062, "Unknown interaction", violation);

    public static RestResult UnknownCommand() => RestResult.Error(404, 10063, "Unknown application command");

    public static RestResult AlreadyAcknowledged() =>
        RestResult.Error(400, 40060, "Interaction has already been acknowledged.", ViolationKind.DuplicateInteractionResponse);

    public static RestResult MissingAccess() => RestResult.Error(403, 50001, "Missing Access");

    public static RestResult CannotEditOthersMessage() => RestResult.Error(403, 50005, "Cannot edit a message authored by another user");

    public static RestResult EmptyMessage() => RestResult.Error(400, 50006, "Cannot send an empty message");

    public static RestResult CannotMessageUser() => RestResult.Error(403, 50007, "Cannot send messages to this user");

    public static RestResult InvalidWebhookToken() => RestResult.Error(401, 50027, "Invalid Webhook Token");

    public static RestResult InvalidApiVersion() => RestResult.Error(400, 50041, "Invalid API version provided");

    public static RestResult InvalidJson() => RestResult.Error(400, 50109, "The request body contains invalid JSON.");

    public static RestResult InjectedFailure(int status) =>
        new(status, new System.Text.Json.Nodes.JsonObject { ["message"] = $"{status}: {ReasonPhrase(status)}", ["code"] = 0 });

    private static string ReasonPhrase(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };
}
