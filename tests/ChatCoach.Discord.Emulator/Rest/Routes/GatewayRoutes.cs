using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.Rest.Routes;

/// <summary><c>GET /gateway</c> and <c>GET /gateway/bot</c> (PROTOCOL.md §1.1): the URL points at this emulator.</summary>
internal sealed class GatewayRoutes(EmulatorCore core)
{
    public void Register(RouteTable table) => table
        .Map("GET", "/gateway", call => RestResult.Ok(new JsonObject { ["url"] = Url(call) }))
        .Map("GET", "/gateway/bot", GatewayBot);

    private RestResult GatewayBot(RestCall call) => RestResult.Ok(new JsonObject
    {
        ["url"] = Url(call),
        ["shards"] = core.Options.RecommendedShards,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = core.Options.SessionStartLimit,
            ["remaining"] = Math.Max(0, core.Options.SessionStartLimit - core.Gateway.Protocol.IdentifiesUsed),
            ["reset_after"] = 14400000,
            ["max_concurrency"] = 1,
        },
    });

    private static string Url(RestCall call) => $"ws://{call.Request.Host}/";
}
