using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Payloads;

namespace ChatCoach.Discord.Emulator.Gateway;

/// <summary>READY's <c>d</c> (PROTOCOL.md §1.8, fixture <c>gateway_ready.json</c>).</summary>
internal static class ReadyPayload
{
    public static JsonObject Build(EmulatorOptions options, GatewaySession session, string resumeGatewayUrl, bool shardSent) 
    {
        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = UserPayloads.CurrentBot(options),
            ["guilds"] = new JsonArray([.. options.GuildIds.Where(session.HandlesGuild).Select(id => (JsonNode)new JsonObject { ["id"] = id, ["unavailable"] = true })]),
            ["session_id"] = session.Id,
            ["session_type"] = "normal",
            ["resume_gateway_url"] = resumeGatewayUrl,
            ["application"] = new JsonObject { ["id"] = options.ApplicationId, ["flags"] = options.ApplicationFlags },
            ["private_channels"] = new JsonArray(),
            ["presences"] = new JsonArray(),
            ["relationships"] = new JsonArray(),
            ["guild_join_requests"] = new JsonArray(),
            ["user_settings"] = new JsonObject(),
            ["geo_ordered_rtc_regions"] = new JsonArray(),
        };
        if (shardSent)
        {
            ready["shard"] = new JsonArray(session.ShardId, session.ShardCount);
        }

        return ready;
    }
}
