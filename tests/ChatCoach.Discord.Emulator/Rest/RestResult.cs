using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Schema;

namespace ChatCoach.Discord.Emulator.Rest;

/// <summary>A handler's answer; 4xx answers carry the violation they represent.</summary>
internal sealed record RestResult(int Status, JsonNode? Body, ViolationKind? Violation = null, string? ViolationDetail = null)
{
    public static RestResult Ok(JsonNode body) => new(200, body);

    public static RestResult Created(JsonNode body) => new(201, body);

    public static RestResult NoContent() => new(204, null);

    /// <summary>Discord's JSON error <c>{"message","code"}</c>.</summary>
    public static RestResult Error(int status, int code, string message, ViolationKind violation = ViolationKind.RejectedRequest) =>
        new(status, new JsonObject { ["message"] = message, ["code"] = code }, violation, $"{status} {code} {message}");

    public static RestResult InvalidForm(FormErrors errors) =>
        new(400, errors.ToBody(), ViolationKind.InvalidFormBody, errors.Summary());
}
