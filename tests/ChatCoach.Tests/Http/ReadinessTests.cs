using System.Diagnostics;
using System.Net;
using ChatCoach.Tests.Databases;
using ChatCoach.Tests.Discord;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Tests.Http;

/// <summary>/readyz of the real bot on the emulator: a replica serving a shard is ready only while its gateway connection is up.</summary>
[Collection(UsesPostgres.Name)]
public sealed class ReadinessTests(PostgresServer server) : IDisposable
{
    private const string Leases = "--ChatCoach:Discord:ShardLeaseSeconds=3";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Readyz_fails_naming_the_gateway_while_the_shard_is_disconnected_and_recovers_when_it_connects_again()
    {
        var port = FreePort.Next();
        await using var bot = await DiscordBot.StartAsync(configure: null, $"--ChatCoach:Http:Urls=http://127.0.0.1:{port}");
        var readyz = new Uri($"http://127.0.0.1:{port}/readyz");

        var (upStatus, _) = await GetAsync(readyz);
        bot.Emulator.RefuseGatewayConnections(true);
        await bot.Emulator.DropConnectionsAsync();
        var down = await WaitForAsync(readyz, HttpStatusCode.ServiceUnavailable);
        var (aliveStatus, _) = await GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
        bot.Emulator.RefuseGatewayConnections(false);
        var back = await WaitForAsync(readyz, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, upStatus);
        Assert.StartsWith("Unhealthy", down, StringComparison.Ordinal);
        Assert.Contains("gateway: the gateway connection of shard 0 ", down, StringComparison.Ordinal);
        Assert.DoesNotContain("database", down, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Emulator.Options.Token, down, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, aliveStatus);
        Assert.Equal("Healthy", back);
        Assert.True(bot.Emulator.Connections.Count(c => c.SessionId is not null) >= 2, "the bot connected again");
    }

    [SkippableFact]
    public async Task A_replica_standing_by_for_a_shard_lease_is_ready_and_serves_the_shard_once_it_took_it_over()
    {
        var database = await server.CreateDatabaseAsync();
        var (holder, standby) = (FreePort.Next(), FreePort.Next());
        await using var bot = await DiscordBot.StartOnPostgresAsync(null, database, "--ChatCoach:ReplicaId=replica-a", Leases, Http(holder));
        await bot.StartStandbyAsync("--ChatCoach:ReplicaId=replica-b", Leases, Http(standby));

        var waiting = await WaitForAsync(Url(standby, "/readyz"), HttpStatusCode.OK);
        var waitingMetrics = PrometheusText.Parse(await _http.GetStringAsync(Url(standby, "/metrics")));
        bot.Hosts[0].Kill(); // its lease runs out, and the standby takes the shard over
        var waited = Stopwatch.StartNew();
        PrometheusText serving;
        do
        {
            Assert.True(waited.Elapsed < Patience, "the standby never served the shard");
            await Task.Delay(100);
            serving = PrometheusText.Parse(await _http.GetStringAsync(Url(standby, "/metrics")));
        }
        while (serving.Sum("chatcoach_gateway_state", ("shard", "0")) != 2);
        var (servingStatus, _) = await GetAsync(Url(standby, "/readyz"));

        Assert.Equal("Healthy", waiting);
        Assert.False(waitingMetrics.Has("chatcoach_gateway_state"), "a replica serving no shard reports no gateway state");
        Assert.Equal(HttpStatusCode.OK, servingStatus);
    }

    private static string Http(int port) => $"--ChatCoach:Http:Urls=http://127.0.0.1:{port}";

    private static Uri Url(int port, string path) => new($"http://127.0.0.1:{port}{path}");

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(Uri url)
    {
        using var response = await _http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> WaitForAsync(Uri url, HttpStatusCode status)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var (now, body) = await GetAsync(url);
            if (now == status)
            {
                return body;
            }

            Assert.True(waited.Elapsed < Patience, $"{url} stayed {now}: {body}");
            await Task.Delay(50);
        }
    }

    public void Dispose() => _http.Dispose();
}
