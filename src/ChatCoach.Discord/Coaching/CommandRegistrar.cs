using ChatCoach.Core.Conversations;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// Registers the slash commands at start, one bulk overwrite per scope: the user commands globally (or in
/// <see cref="DiscordOptions.CommandGuildId"/>), and <c>/dialogs</c> in the home server only, together with the user
/// commands when the two servers are the same. When the home server changes, <c>/dialogs</c> is removed from the old
/// one. A scope is skipped when its definitions are the ones registered there last time.
/// </summary>
internal sealed partial class CommandRegistrar(IBotState state, DiscordOptions options, DiscordRestClient rest, ILogger<CommandRegistrar> logger)
{
    public async Task RegisterAsync(string applicationId, CancellationToken cancellationToken)
    {
        var userScope = options.CommandGuildId is { Length: > 0 } guild ? guild : null;
        var home = options.Home;
        var plan = new Dictionary<string, IReadOnlyList<ApplicationCommandDefinition>>(StringComparer.Ordinal)
        {
            [Scope(userScope)] = home is not null && home == userScope ? [.. SlashCommands.ForUsers, SlashCommands.Dialogs] : SlashCommands.ForUsers,
        };
        if (home is not null && home != userScope)
        {
            plan[Scope(home)] = [SlashCommands.Dialogs];
        }

        var homeKey = $"dialogs-home:{applicationId}";
        if (await state.GetAsync(homeKey, cancellationToken) is { Length: > 0 } oldHome && oldHome != home && !plan.ContainsKey(Scope(oldHome)))
        {
            plan[Scope(oldHome)] = [];
        }

        foreach (var (scope, commands) in plan)
        {
            await RegisterScopeAsync(applicationId, scope, commands, cancellationToken);
        }

        await state.SetAsync(homeKey, home ?? string.Empty, cancellationToken);
        LogDone(plan.Count);
    }

    private async Task RegisterScopeAsync(string applicationId, string scope, IReadOnlyList<ApplicationCommandDefinition> commands, CancellationToken cancellationToken)
    {
        var key = $"commands:{applicationId}:{scope}";
        var fingerprint = SlashCommands.Fingerprint(scope, commands);
        if (await state.GetAsync(key, cancellationToken) == fingerprint)
        {
            LogUnchanged(scope);
            return;
        }

        if (scope.StartsWith("guild:", StringComparison.Ordinal))
        {
            await rest.BulkOverwriteGuildCommandsAsync(applicationId, scope["guild:".Length..], commands, cancellationToken);
        }
        else
        {
            await rest.BulkOverwriteGlobalCommandsAsync(applicationId, commands, cancellationToken);
        }

        await state.SetAsync(key, fingerprint, cancellationToken);
        LogRegistered(commands.Count, scope);
    }

    private static string Scope(string? guildId) => guildId is null ? "global" : $"guild:{guildId}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Slash commands unchanged since the last registration ({Scope}); not registered again")]
    private partial void LogUnchanged(string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slash commands are up to date in {Scopes} scope(s)")]
    private partial void LogDone(int scopes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash commands ({Scope})")]
    private partial void LogRegistered(int count, string scope);
}
