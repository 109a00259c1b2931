using ChatCoach.Core.Conversations;
using ChatCoach.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// Registers the slash commands at start with one bulk overwrite (globally, or in one server for fast iteration),
/// and skips it when the definitions are the ones registered last time: each registration is remembered.
/// </summary>
internal sealed partial class CommandRegistrar(IBotState state, DiscordOptions options, ILogger logger)
{
    public async Task RegisterAsync(DiscordRestClient rest, string applicationId, CancellationToken cancellationToken)
    {
        var scope = options.CommandGuildId is { Length: > 0 } guild ? $"guild:{guild}" : "global";
        var key = $"commands:{applicationId}:{scope}";
        var fingerprint = SlashCommands.Fingerprint(scope);
        if (await state.GetAsync(key, cancellationToken) == fingerprint)
        {
            LogUnchanged(scope);
            return;
        }

        if (options.CommandGuildId is { Length: > 0 } guildId)
        {
            await rest.BulkOverwriteGuildCommandsAsync(applicationId, guildId, SlashCommands.All, cancellationToken);
        }
        else
        {
            await rest.BulkOverwriteGlobalCommandsAsync(applicationId, SlashCommands.All, cancellationToken);
        }

        await state.SetAsync(key, fingerprint, cancellationToken);
        LogRegistered(SlashCommands.All.Count, scope);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slash commands unchanged since the last registration ({Scope}); not registered again")]
    private partial void LogUnchanged(string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash commands ({Scope})")]
    private partial void LogRegistered(int count, string scope);
}
