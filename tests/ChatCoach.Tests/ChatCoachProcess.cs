using System.Globalization;
using System.Diagnostics;
using System.Text;

namespace ChatCoach.Tests;

/// <summary>The real <c>chatcoach</c> executable in its own process, with stdin, stdout and stderr in hand.</summary>
internal sealed class ChatCoachProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private ChatCoachProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// The chatcoach.dll copied beside the tests (with its deps and runtimeconfig), not the one in src/ChatCoach/bin,
    /// which a parallel build of the solution may be rewriting while the tests run.
    /// </summary>
    /// <summary>The day every process the tests start takes as today, unless the test passes another.</summary>
    public const string Today = "2026-11-25";

    public static string Executable { get; } = Path.Combine(AppContext.BaseDirectory, "chatcoach.dll");

    public string Output
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public string Errors
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static ChatCoachProcess Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Only what the test passes configures the process: no stray ChatCoach__ variables from the machine.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ChatCoach", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        // The seasons in the scripts make the date matter: no test depends on the real one (the command line overrides this).
        info.Environment["ChatCoach__Clock__Today"] = Today;

        return new ChatCoachProcess(Process.Start(info)!);
    }

    /// <summary>Runs to the end with <paramref name="input"/> piped in, as `printf ... | chatcoach ...` would.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string workingDirectory, string input, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        await process.WriteAsync(input);
        process.CloseInput();
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, process.Output, process.Errors);
    }

    public async Task WriteAsync(string text)
    {
        await _process.StandardInput.WriteAsync(text);
        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits until stdout contains <paramref name="text"/> (generous timeout: CI machines are busy).</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(60)) || _process.HasExited && !Output.Contains(text, StringComparison.Ordinal))
            {
                throw new TimeoutException($"'{text}' never appeared.\nstdout:\n{Output}\nstderr:\n{Errors}");
            }

            await Task.Delay(20);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as an orchestrator stops a replica for a deploy: the host's shutdown code runs.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
