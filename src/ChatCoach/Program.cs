using ChatCoach.Cli;
using ChatCoach.Hosting;

// Exit codes: 0 done, 1 failed while running, 2 wrong command line, configuration or scripts.
return await CommandLine.InvokeAsync(args, Application.RunAsync, Console.Out, Console.Error, CancellationToken.None);
