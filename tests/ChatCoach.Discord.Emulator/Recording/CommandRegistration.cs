using System.Text.Json;

namespace ChatCoach.Discord.Emulator;

/// <summary>One accepted bulk overwrite (<c>PUT …/commands</c>).</summary>
public sealed record CommandRegistration(string? GuildId, JsonElement Commands, DateTimeOffset Time);
