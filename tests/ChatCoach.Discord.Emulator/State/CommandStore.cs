using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.State;

/// <summary>Registered application commands per scope (global, or one guild).</summary>
internal sealed class CommandStore(SnowflakeGenerator ids, string applicationId)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _byScope = [];

    public EventLog<CommandRegistration> Registrations { get; } = new();

    /// <summary>Bulk overwrite: the scope's list becomes exactly <paramref name="commands"/>; ids survive for the same name and type.</summary>
    public JsonArray Overwrite(string? guildId, JsonArray commands, DateTimeOffset now)
    {
        JsonArray result;
        lock (_gate)
        {
            var previous = _byScope.GetValueOrDefault(Scope(guildId)) ?? [];
            var next = commands.OfType<JsonObject>().Select(c => Normalize(c, guildId, previous)).ToList();
            _byScope[Scope(guildId)] = next;
            result = new JsonArray([.. next.Select(c => (JsonNode)c.DeepClone())]);
        }

        Registrations.Add(new CommandRegistration(guildId, Wire.ToElement(commands), now));
        return result;
    }

    /// <summary>Create-or-update one command (POST); returns the stored command and whether it was new.</summary>
    public (JsonObject Command, bool Created) Upsert(string? guildId, JsonObject command)
    {
        lock (_gate)
        {
            var list = _byScope.TryGetValue(Scope(guildId), out var existing) ? existing : _byScope[Scope(guildId)] = [];
            var normalized = Normalize(command, guildId, list);
            var index = list.FindIndex(c => Wire.GetString(c, "id") == Wire.GetString(normalized, "id"));
            if (index >= 0)
            {
                list[index] = normalized;
            }
            else
            {
                list.Add(normalized);
            }

            return ((JsonObject)normalized.DeepClone(), index < 0);
        }
    }

    public bool Delete(string? guildId, string commandId)
    {
        lock (_gate)
        {
            return _byScope.TryGetValue(Scope(guildId), out var list) && list.RemoveAll(c => Wire.GetString(c, "id") == commandId) > 0;
        }
    }

    public JsonArray List(string? guildId)
    {
        lock (_gate)
        {
            return new JsonArray([.. (_byScope.GetValueOrDefault(Scope(guildId)) ?? []).Select(c => (JsonNode)c.DeepClone())]);
        }
    }

    public JsonObject? Find(string? guildId, string idOrName, int type = 1)
    {
        lock (_gate)
        {
            var match = (_byScope.GetValueOrDefault(Scope(guildId)) ?? []).FirstOrDefault(c =>
                Wire.GetString(c, "id") == idOrName || (Wire.GetString(c, "name") == idOrName && (Wire.GetInteger(c, "type") ?? 1) == type));
            return (JsonObject?)match?.DeepClone();
        }
    }

    private static string Scope(string? guildId) => guildId ?? string.Empty;

    private JsonObject Normalize(JsonObject request, string? guildId, List<JsonObject> previous)
    {
        var type = Wire.GetInteger(request, "type") ?? 1;
        var name = Wire.GetString(request, "name") ?? string.Empty;
        var kept = previous.FirstOrDefault(c => Wire.GetString(c, "name") == name && (Wire.GetInteger(c, "type") ?? 1) == type);
        var stored = new JsonObject
        {
            ["id"] = Wire.GetString(request, "id") ?? (kept is null ? ids.Next() : Wire.GetString(kept, "id")),
            ["application_id"] = applicationId,
            ["version"] = ids.Next(),
            ["default_member_permissions"] = request["default_member_permissions"] is { } permissions ? permissions.ToString() : null,
            ["type"] = type,
            ["name"] = name,
            ["name_localizations"] = Wire.Clone(request["name_localizations"]),
            ["description"] = Wire.GetString(request, "description") ?? string.Empty,
            ["description_localizations"] = Wire.Clone(request["description_localizations"]),
            ["dm_permission"] = request["dm_permission"] is { } dm ? Wire.Clone(dm) : true,
            ["contexts"] = Wire.Clone(request["contexts"]),
            ["integration_types"] = Wire.Clone(request["integration_types"]) ?? new JsonArray(0),
            ["nsfw"] = request["nsfw"] is { } nsfw ? Wire.Clone(nsfw) : false,
        };
        if (request["options"] is JsonArray options)
        {
            stored["options"] = options.DeepClone();
        }

        if (guildId is not null)
        {
            stored["guild_id"] = guildId;
        }

        return stored;
    }
}
