using ChatCoach.Cli;
using ChatCoach.Configuration;
using ChatCoach.Core.Conversations;
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

var catalog = await ScriptSetup.LoadAsync(settings.Dialogs, commandLine.Script, Console.Error, CancellationToken.None);
if (catalog.Catalog is null)
{
    return ExitCodes.BadConfiguration;
}

// Logs go to stderr so stdout carries only the conversation; the terminal stays quiet unless something is wrong.
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
if (builder.Configuration["Logging:LogLevel:Default"] is null)
{
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(catalog.Catalog);
builder.Services.AddSingleton(Options.Create(settings.Privacy));
builder.Services.AddCoachStorage(settings.Database);
builder.Services.AddSingleton<ConversationService>();
builder.Services.AddHostedService<DatabaseStartup>();
builder.Services.AddSingleton(new TerminalOptions(commandLine.User ?? Environment.UserName, catalog.StartScript));
builder.Services.AddSingleton(Console.In);
builder.Services.AddSingleton(Console.Out);
builder.Services.AddHostedService<TerminalChannel>();

using var host = builder.Build();
try
{
    await host.RunAsync();
    return Environment.ExitCode;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    await Console.Error.WriteLineAsync($"chatcoach: stopped: {e.Message}");
    return ExitCodes.Failed;
}
