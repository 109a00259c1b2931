using ChatCoach.Cli;
using ChatCoach.Configuration;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Scripts;
using ChatCoach.Discord.Coaching;
using ChatCoach.Hosting;
using ChatCoach.Storage;
using ChatCoach.Terminal;
using ChatCoach.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// Exit codes: 0 done, 1 failed while running, 2 wrong command line, configuration or scripts.
var (commandLine, usageError) = CommandLine.Parse(args);
if (commandLine is null)
{
    await Console.Error.WriteLineAsync($"chatcoach: {usageError}\n\n{CommandLine.Usage}");
    return ExitCodes.BadConfiguration;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = [.. commandLine.ConfigurationArgs],
    ContentRootPath = AppContext.BaseDirectory,
});
if (commandLine.Database is { } databasePath)
{
    builder.Configuration[$"{DatabaseOptions.Section}:ConnectionString"] = $"Data Source={databasePath}";
}

var (settings, problems) = Settings.Read(builder.Configuration);
if (settings is null)
{
    await Console.Error.WriteLineAsync("chatcoach: configuration is not valid:\n  " + string.Join("\n  ", problems));
    return ExitCodes.BadConfiguration;
}

switch (commandLine.Verb)
{
    case "dialogs":
        return await new DialogsTool(settings.Dialogs, Console.Out, Console.Error).RunAsync(commandLine.Arguments, CancellationToken.None);
    case "stats":
        return await StatsTool.RunAsync(settings.Database, settings.Dialogs, Console.Out, CancellationToken.None);
}

var (draftOk, draft) = await ScriptSetup.LoadDraftAsync(commandLine.Script, Console.Error, CancellationToken.None);
if (!draftOk)
{
    return ExitCodes.BadConfiguration;
}

// Logs go to stderr so stdout carries only the conversation; the terminal stays quiet unless something is wrong.
var onDiscord = commandLine.Verb == "run" && settings.Discord.Enabled;
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
if (builder.Configuration["Logging:LogLevel:Default"] is null)
{
    builder.Logging.SetMinimumLevel(onDiscord ? LogLevel.Information : LogLevel.Warning);
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(settings.Dialogs);
builder.Services.AddSingleton(Options.Create(settings.Privacy));
builder.Services.AddCoachStorage(settings.Database, settings.Replica);
builder.Services.AddSingleton<LiveScripts>();
builder.Services.AddSingleton<IScriptSource>(services =>
    draft is null ? services.GetRequiredService<LiveScripts>() : services.GetRequiredService<LiveScripts>().Live.With(draft));
builder.Services.AddSingleton<ConversationService>();
builder.Services.AddHostedService<ScriptWatcher>();
builder.Services.AddHostedService<Housekeeping>();
if (settings.Database.Provider == DatabaseProvider.Postgres)
{
    builder.Services.AddHostedService<ScriptFollower>();
}
if (onDiscord)
{
    builder.Services.AddSingleton(settings.Discord);
    builder.Services.AddSingleton(_ => new HttpClient());
    builder.Services.AddSingleton<DiscordChannel>();
    builder.Services.AddHostedService(services => services.GetRequiredService<DiscordChannel>());
}
else
{
    builder.Services.AddSingleton(new TerminalOptions(commandLine.User ?? Environment.UserName, draft?.Id ?? commandLine.Script));
    builder.Services.AddSingleton(Console.In);
    builder.Services.AddSingleton(Console.Out);
    builder.Services.AddHostedService<TerminalChannel>();
}

using var host = builder.Build();
try
{
    await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    var live = host.Services.GetRequiredService<LiveScripts>();
    if (settings.Database.Provider == DatabaseProvider.Postgres)
    {
        // The database, shared by the replicas, says which script versions are live; the folder starts on them.
        await live.FollowAsync(ScriptFollower.Actor, CancellationToken.None);
    }

    if (!await ScriptSetup.StartAsync(live, Console.Error, CancellationToken.None))
    {
        return ExitCodes.BadConfiguration;
    }

    if (draft is null && commandLine.Script is { } id && live.Find(id) is null)
    {
        await Console.Error.WriteLineAsync($"chatcoach: no live script with id '{id}' in '{settings.Dialogs.Path}'.");
        return ExitCodes.BadConfiguration;
    }

    var discord = host.Services.GetService<DiscordChannel>();
    await host.RunAsync();
    if (discord?.Failure is { } failure)
    {
        await Console.Error.WriteLineAsync($"chatcoach: stopped: Discord refused the bot: {failure}");
        return ExitCodes.Failed;
    }

    return 0;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    await Console.Error.WriteLineAsync($"chatcoach: stopped: {e.Message}");
    return ExitCodes.Failed;
}
