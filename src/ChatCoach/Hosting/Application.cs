using ChatCoach.Cli;
using ChatCoach.Configuration;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Logging;
using ChatCoach.Core.Scripts;
using ChatCoach.Core.Telemetry;
using ChatCoach.Discord.Coaching;
using ChatCoach.Discord.Gateway;
using ChatCoach.Http;
using ChatCoach.Storage;
using ChatCoach.Terminal;
using ChatCoach.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace ChatCoach.Hosting;

/// <summary>Runs what the command line asked for: a tool, or the bot on Discord or in the terminal.</summary>
internal static class Application
{
    public static async Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var configuration = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. invocation.ConfigurationArgs],
            ContentRootPath = AppContext.BaseDirectory,
        });
        UseDatabaseOption(configuration.Configuration, invocation);
        var (settings, problems) = Settings.Read(configuration.Configuration);
        if (settings is null)
        {
            await Console.Error.WriteLineAsync("chatcoach: configuration is not valid:\n  " + string.Join("\n  ", problems));
            return ExitCodes.BadConfiguration;
        }

        // ChatCoach:Clock:Today is for trying a season (chat, dialogs validate, dialogs test); on Discord, interaction
        // tokens and event times are real, so the bot keeps the real clock.
        var clock = invocation.Verb == "run" && settings.Discord.Enabled ? TimeProvider.System : settings.Clock.Clock(TimeProvider.System);
        var dialogsTool = new DialogsTool(settings.Dialogs, clock, Console.In, Console.Out, Console.Error);
        switch (invocation.Verb)
        {
            case "dialogs validate":
                return await dialogsTool.ValidateAsync(invocation.Target ?? settings.Dialogs.Path, cancellationToken);
            case "dialogs test":
                return await dialogsTool.TestAsync(invocation.Target ?? settings.Dialogs.Path, cancellationToken);
            case "dialogs graph":
                return await dialogsTool.GraphAsync(invocation.Target!, cancellationToken);
            case "dialogs classify":
                return await dialogsTool.ClassifyAsync(invocation.Script, invocation.Why, cancellationToken);
            case "dialogs train":
                return await dialogsTool.TrainAsync(invocation.Script, cancellationToken);
            case "stats":
                return await StatsTool.RunAsync(settings.Database, settings.Dialogs, Console.Out, cancellationToken);
        }

        var (draftOk, draft) = await ScriptSetup.LoadDraftAsync(invocation.Script, Console.Error, cancellationToken);
        if (!draftOk)
        {
            return ExitCodes.BadConfiguration;
        }

        // The web host (Kestrel) only when HTTP listeners are configured; it reads the same configuration sources.
        var web = settings.Http.Enabled
            ? WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [.. invocation.ConfigurationArgs], ContentRootPath = AppContext.BaseDirectory })
            : null;
        IHostApplicationBuilder builder = web is null ? configuration : web;
        UseDatabaseOption(builder.Configuration, invocation);

        // Logs go to stderr so stdout carries only the conversation; the terminal stays quiet unless something is wrong.
        var onDiscord = invocation.Verb == "run" && settings.Discord.Enabled;
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console =>
        {
            console.LogToStandardErrorThreshold = LogLevel.Trace;
            console.FormatterName = settings.Logging.Json ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple;
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(json => json.IncludeScopes = true);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(text => text.IncludeScopes = true);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        if (builder.Configuration["Logging:LogLevel:Default"] is null)
        {
            builder.Logging.SetMinimumLevel(onDiscord ? LogLevel.Information : LogLevel.Warning);
        }

        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(settings.Dialogs);
        builder.Services.AddSingleton(Options.Create(settings.Privacy));
        builder.Services.AddCoachStorage(settings.Database, settings.Replica);
        builder.Services.AddSingleton<LiveScripts>();
        builder.Services.AddSingleton<IScriptSource>(services =>
            draft is null ? services.GetRequiredService<LiveScripts>() : services.GetRequiredService<LiveScripts>().Live.With(draft));
        builder.Services.AddSingleton<ConversationService>();
        builder.Services.AddSingleton<UserHasher>();
        builder.Services.AddSingleton<CoachMetrics>();
        builder.Services.AddSingleton<ScriptMetrics>();
        builder.Services.AddHostedService<ScriptWatcher>();
        builder.Services.AddHostedService<Housekeeping>();
        if (settings.Database.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddHostedService<ScriptFollower>();
        }

        if (onDiscord)
        {
            builder.Services.AddCoachDiscord(settings.Discord);
            if (settings.Database.Provider == DatabaseProvider.Postgres && settings.Discord.ShardLeaseSeconds > 0)
            {
                // Several replicas may share the database: each shard is connected by the one replica holding its lease.
                builder.Services.AddSingleton(services => new ShardLeaser(services.GetRequiredService<ILeases>(), settings.Replica.Id,
                    settings.Discord.ShardCount, settings.Discord.ShardId, TimeSpan.FromSeconds(settings.Discord.ShardLeaseSeconds),
                    services.GetRequiredService<TimeProvider>()));
            }
        }
        else
        {
            builder.Services.AddSingleton(new TerminalOptions(invocation.User ?? Environment.UserName, draft?.Id ?? invocation.Script));
            builder.Services.AddSingleton(Console.In);
            builder.Services.AddSingleton(Console.Out);
            builder.Services.AddHostedService<TerminalChannel>();
        }

        using var host = Build(configuration, web, settings.Http, onDiscord ? InteractionSignature.Import(settings.Discord.PublicKey) : null);
        try
        {
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await host.Services.GetRequiredService<UserHasher>().LoadKeyAsync(host.Services.GetRequiredService<IBotState>(), cancellationToken);
            var live = host.Services.GetRequiredService<LiveScripts>();
            if (settings.Database.Provider == DatabaseProvider.Postgres)
            {
                // The database, shared by the replicas, says which script versions are live; the folder starts on them.
                await live.FollowAsync(ScriptFollower.Actor, cancellationToken);
            }

            if (!await ScriptSetup.StartAsync(live, Console.Error, cancellationToken))
            {
                return ExitCodes.BadConfiguration;
            }

            if (draft is null && invocation.Script is { } id && live.Find(id) is null)
            {
                await Console.Error.WriteLineAsync($"chatcoach: no live script with id '{id}' in '{settings.Dialogs.Path}'.");
                return ExitCodes.BadConfiguration;
            }

            host.Services.GetRequiredService<ScriptMetrics>();
            var discord = host.Services.GetService<GatewayPump>();
            await host.RunAsync(cancellationToken);
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
    }

    private static IHost Build(HostApplicationBuilder plain, WebApplicationBuilder? web, HttpOptions http, PublicKey? interactionsKey)
    {
        if (web is null)
        {
            return plain.Build();
        }

        web.AddHttp(http, interactionsKey);
        var app = web.Build();
        app.MapHttp();
        return app;
    }

    private static void UseDatabaseOption(IConfigurationManager configuration, Invocation invocation)
    {
        if (invocation.Database is { } databasePath)
        {
            configuration[$"{DatabaseOptions.Section}:ConnectionString"] = $"Data Source={databasePath}";
        }
    }
}
