using System.Text.Json;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Tests.Hosting;

/// <summary>Logs as a collector reads them: JSON lines from the real process, turns correlated, users hashed.</summary>
public sealed class StructuredLogTests : IDisposable
{
    private const string User = "priya-sharma-1987";
    private readonly TempFolder _folder = new("chatcoach-logs-");

    private Task<(int ExitCode, string Output, string Errors)> ChatAsync(string database, string input) =>
        ChatCoachProcess.RunAsync(_folder.Path, input, "chat", "--user", User, "--db", Path.Combine(_folder.Path, database),
            "--ChatCoach:Logging:Format=json", "--Logging:LogLevel:Default=Debug");

    [Fact]
    public async Task Json_lines_carry_a_correlation_id_and_a_keyed_hash_of_the_user_never_the_id()
    {
        var run = await ChatAsync("a.db", "2015\n");

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.DoesNotContain(User, run.Errors, StringComparison.Ordinal);
        var turns = Turns(run.Errors);
        Assert.Equal(2, turns.Count);
        Assert.All(turns, t => Assert.Matches("^[0-9a-f]{16}$", t.User));
        Assert.Single(turns.Select(t => t.User).Distinct());
        Assert.Equal(2, turns.Select(t => t.CorrelationId).Distinct().Count());
    }

    [Fact]
    public async Task The_hash_key_is_kept_in_the_database_so_a_user_hashes_alike_across_restarts_and_not_across_databases()
    {
        var first = Turns((await ChatAsync("a.db", "2015\n")).Errors)[0].User;
        var again = Turns((await ChatAsync("a.db", "2\n")).Errors)[0].User;
        var elsewhere = Turns((await ChatAsync("b.db", string.Empty)).Errors)[0].User;

        Assert.Equal(first, again);
        Assert.NotEqual(first, elsewhere);
    }

    [Fact]
    public async Task An_unknown_log_format_stops_with_exit_code_2_naming_the_key()
    {
        var run = await ChatCoachProcess.RunAsync(_folder.Path, string.Empty, "chat", "--db", Path.Combine(_folder.Path, "c.db"),
            "--ChatCoach:Logging:Format=xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ChatCoach:Logging:Format", run.Errors, StringComparison.Ordinal);
    }

    /// <summary>The turn lines' scope properties; every stderr line must be one JSON object.</summary>
    private static List<(string CorrelationId, string User)> Turns(string errors)
    {
        var turns = new List<(string, string)>();
        foreach (var line in errors.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.GetProperty("Message").GetString()!.StartsWith("Turn on terminal", StringComparison.Ordinal))
            {
                var scope = json.RootElement.GetProperty("Scopes").EnumerateArray().Single(s => s.TryGetProperty("CorrelationId", out _));
                turns.Add((scope.GetProperty("CorrelationId").GetString()!, scope.GetProperty("User").GetString()!));
            }
        }

        return turns;
    }

    public void Dispose() => _folder.Dispose();
}
