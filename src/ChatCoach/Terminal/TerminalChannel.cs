using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatCoach.Terminal;

/// <summary>
/// The conversation on stdin/stdout: the bot speaks first, every input line is a message, and the host stops at
/// the end of input, so it works interactively and with piped input alike. Nothing but the conversation goes to stdout.
/// </summary>
internal sealed partial class TerminalChannel(
    ConversationService conversations,
    UserHasher users,
    TerminalOptions options,
    TextReader input,
    TextWriter output,
    IHostApplicationLifetime lifetime,
    ILogger<TerminalChannel> logger) : BackgroundService
{
    private const string Platform = "terminal";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ShowAsync(Input.Open(), stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var line = await input.ReadLineAsync(stoppingToken).AsTask().WaitAsync(stoppingToken);
                if (line is null)
                {
                    break;
                }

                if (line.Trim().Length > 0)
                {
                    await ShowAsync(Input.Message(line), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C: the host is stopping; the last turn was saved before it was shown.
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task ShowAsync(Input message, CancellationToken cancellationToken)
    {
        using var scope = TurnScope.Begin(logger, users, Platform, options.User, eventId: null);
        TurnResponse response;
        try
        {
            response = await conversations.HandleAsync(new Inbound(Platform, options.User, message, Script: options.Script), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogTurnFailed(logger, e);
            await output.WriteLineAsync("Sorry, something went wrong on my side and that message was not saved. Please send it again.");
            await output.WriteLineAsync();
            return;
        }

        foreach (var reply in response.Replies)
        {
            await output.WriteLineAsync(reply.ToPlainText());
            await output.WriteLineAsync();
        }

        await output.FlushAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A terminal turn failed; the user was asked to send the message again")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception);
}
