using System.Diagnostics;
using System.Net;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Tests.Http;

/// <summary>/healthz, /readyz and /metrics on the real Kestrel listener of the real process, on loopback.</summary>
public sealed class HealthAndMetricsTests : IDisposable
{
    private const string User = "mohammed-al-rashid";
    private readonly TempFolder _folder = new("chatcoach-http-");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private string DataFolder => Path.Combine(_folder.Path, "data");

    private ChatCoachProcess StartChat(params string[] settings) =>
        ChatCoachProcess.Start(_folder.Path, ["chat", "--user", User, "--db", Path.Combine(DataFolder, "chat.db"), .. settings]);

    [Fact]
    public async Task Healthz_and_readyz_answer_and_readyz_fails_while_the_database_cannot_be_opened_then_recovers()
    {
        var port = FreePort.Next();
        using var chat = StartChat($"--ChatCoach:Http:Urls=http://127.0.0.1:{port}");
        await chat.WaitForOutputAsync("What year did you graduate");
        var url = $"http://127.0.0.1:{port}";
        await WaitUntilServingAsync(url, chat);

        var ready = await _http.GetAsync(new Uri($"{url}/readyz"));
        Directory.Move(DataFolder, DataFolder + ".away");
        await File.WriteAllTextAsync(DataFolder, "a file where the database folder was");
        var down = await _http.GetAsync(new Uri($"{url}/readyz"));
        var alive = await _http.GetAsync(new Uri($"{url}/healthz"));
        File.Delete(DataFolder);
        Directory.Move(DataFolder + ".away", DataFolder);
        var back = await _http.GetAsync(new Uri($"{url}/readyz"));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.False(File.Exists(Path.Combine(DataFolder + ".away", "chat.db")), "the check must not create a database");
    }

    [Fact]
    public async Task Metrics_parse_as_prometheus_text_and_the_turn_series_move_when_a_conversation_runs()
    {
        var port = FreePort.Next();
        using var chat = StartChat($"--ChatCoach:Http:Urls=http://127.0.0.1:{port}");
        await chat.WaitForOutputAsync("What year did you graduate");
        var url = $"http://127.0.0.1:{port}";
        await WaitUntilServingAsync(url, chat);

        var before = await ScrapeAsync(url);
        await chat.WriteAsync("2015\n");
        await chat.WaitForOutputAsync("Step 1");
        await chat.WriteAsync("lots\n");
        await chat.WaitForOutputAsync("Please give a number");
        var beforeCrisis = chat.Output.Length;
        await chat.WriteAsync("I want to kill myself\n");
        await WaitForMoreOutputAsync(chat, beforeCrisis);
        var after = await ScrapeAsync(url);

        Assert.Equal(1, before.Sum("chatcoach_turns_total", ("channel", "terminal"), ("outcome", "opened")));
        Assert.Equal(0, before.Sum("chatcoach_turns_total", ("outcome", "answered")));
        Assert.Equal(1, after.Sum("chatcoach_turns_total", ("channel", "terminal"), ("outcome", "answered")));
        Assert.Equal(1, after.Sum("chatcoach_turns_total", ("channel", "terminal"), ("outcome", "reasked")));
        Assert.Equal("histogram", after.Types["chatcoach_turn_duration_seconds"]);
        Assert.Equal(4, after.Sum("chatcoach_turn_duration_seconds_count", ("channel", "terminal")));
        Assert.Equal(4, after.Sum("chatcoach_turn_duration_seconds_bucket", ("channel", "terminal"), ("le", "+Inf")));
        Assert.Equal(0, before.Sum("chatcoach_safety_signals_total"));
        Assert.Equal(1, after.Sum("chatcoach_safety_signals_total", ("level", "crisis")));
        Assert.Equal(1, after.Sum("chatcoach_script_info", ("script", "coach")));
        Assert.True(after.Has("dotnet_gc_heap_total_allocated_bytes_total"), "runtime metrics are exported");
        Assert.DoesNotContain(after.Samples.SelectMany(s => s.Labels.Values), v => v.Contains(User, StringComparison.Ordinal) || v.Contains("2015", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_management_urls_health_and_metrics_leave_the_public_listener()
    {
        var (publicPort, managementPort) = (FreePort.Next(), FreePort.Next());
        using var chat = StartChat($"--ChatCoach:Http:Urls=http://127.0.0.1:{publicPort}", $"--ChatCoach:Http:ManagementUrls=http://127.0.0.1:{managementPort}");
        await chat.WaitForOutputAsync("What year did you graduate");
        var management = $"http://127.0.0.1:{managementPort}";
        await WaitUntilServingAsync(management, chat);

        foreach (var path in new[] { "/healthz", "/readyz", "/metrics" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(new Uri(management + path))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri($"http://127.0.0.1:{publicPort}{path}"))).StatusCode);
        }
    }

    [Theory]
    [InlineData("--ChatCoach:Http:Urls=https://0.0.0.0:8443", "ChatCoach:Http:Urls")]
    [InlineData("--ChatCoach:Http:Urls=not a url", "ChatCoach:Http:Urls")]
    [InlineData("--ChatCoach:Http:ManagementUrls=http://127.0.0.1:9090", "ChatCoach:Http:ManagementUrls")]
    public async Task A_wrong_listener_setting_stops_with_exit_code_2_naming_the_key(string setting, string key)
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "chat", "--db", Path.Combine(DataFolder, "x.db"), setting);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(key, run.Errors, StringComparison.Ordinal);
    }

    private static async Task WaitForMoreOutputAsync(ChatCoachProcess process, int length)
    {
        for (var waited = 0; process.Output.Length == length; waited += 20)
        {
            Assert.True(waited < 60_000, "no reply");
            await Task.Delay(20);
        }

        await Task.Delay(200); // the rest of the reply's lines
    }

    private async Task<PrometheusText> ScrapeAsync(string url)
    {
        using var response = await _http.GetAsync(new Uri($"{url}/metrics"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task WaitUntilServingAsync(string url, ChatCoachProcess process)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri($"{url}/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                // Kestrel is not listening yet.
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _folder.Dispose();
    }
}
