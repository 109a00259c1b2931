using ChatCoach.Tests.Databases;
using ChatCoach.Tests.Shared;
using Npgsql;
using Xunit.Abstractions;

namespace ChatCoach.Tests.Discord;

/// <summary>
/// Several real hosts (replicas) on one PostgreSQL database and one bot token, against the loopback Discord emulator,
/// which delivers every direct message to each of them.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class ReplicaTests(PostgresServer server, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_shard_holder_killed_mid_conversation_is_replaced_by_a_replica_that_resumes_and_answers_the_gap_once()
    {
        var database = await server.CreateDatabaseAsync();
        await using var bot = await DiscordBot.StartOnPostgresAsync(o => o with { ExclusiveShards = true }, database, "--ChatCoach:ReplicaId=replica-a", Leases);
        await bot.StartStandbyAsync("--ChatCoach:ReplicaId=replica-b", Leases);
        await bot.StartStandbyAsync("--ChatCoach:ReplicaId=replica-c", Leases);
        var user = new CoachUser(bot.Emulator, "430000000000000001");
        await user.SayAsync("hi");
        await CoachingConversation.PlayAsync(user, until: 5);

        bot.Hosts[0].Kill(); // SIGKILL: no goodbye, the lease is left to run out
        var killed = TimeProvider.System.GetUtcNow();
        var before = user.Received.Count;
        // Sent while no replica is connected: Discord keeps them for the session and replays them on its resume.
        await bot.Emulator.SendDirectMessageAsync(user.Id, "a year and a half");
        await bot.Emulator.SendDirectMessageAsync(user.Id, "yes");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!user.Received.Skip(before).Any(m => m.Content.Contains(CoachingConversation.Steps[7].Question, StringComparison.OrdinalIgnoreCase)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the DMs sent in the gap were not answered");
            await Task.Delay(50);
        }

        await user.AwaitRepliesAsync(user.Received.Count - 1);
        await CoachingConversation.PlayAsync(user, from: 7);

        foreach (var (question, _) in CoachingConversation.Steps)
        {
            Assert.Equal(1, user.Received.Count(m => m.Content.Contains(question, StringComparison.OrdinalIgnoreCase)));
        }

        Assert.Equal(1, user.Received.Count(m => m.Content.Contains(CoachingConversation.PlanHeading, StringComparison.Ordinal)));
        var connections = bot.Emulator.Connections;
        // The takeover is the first resume; a later one (a reconnect on a busy machine) resumes the same session again.
        var resumed = connections.Where(c => c.Resumed).MinBy(c => c.OpenedAt)!;
        Assert.Single(connections.Select(c => c.SessionId).Where(id => id is not null).Distinct()); // resumed, never identified anew
        Assert.Empty(bot.Emulator.Violations); // among them: no two connections ever held shard 0
        var takeover = resumed.OpenedAt - killed;
        Assert.True(takeover < TimeSpan.FromSeconds(3 + 2), $"the shard was taken over after {takeover.TotalSeconds:0.0} s");
        output.WriteLine($"takeover after SIGKILL: {takeover.TotalMilliseconds:0} ms (ShardLeaseSeconds=3)");
    }

    [SkippableFact]
    public async Task The_shard_holder_stopped_for_a_deploy_hands_its_session_over_at_once_and_the_gap_is_answered_once()
    {
        var database = await server.CreateDatabaseAsync();
        await using var bot = await DiscordBot.StartOnPostgresAsync(o => o with { ExclusiveShards = true }, database, "--ChatCoach:ReplicaId=replica-a", LongLeases);
        await bot.StartStandbyAsync("--ChatCoach:ReplicaId=replica-b", LongLeases);
        var user = new CoachUser(bot.Emulator, "430000000000000002");
        await user.SayAsync("hi");
        await CoachingConversation.PlayAsync(user, until: 5);

        bot.Hosts[0].Terminate(); // SIGTERM: the replica stops as for a rolling deploy
        var stopped = TimeProvider.System.GetUtcNow();
        var before = user.Received.Count;
        await bot.Emulator.SendDirectMessageAsync(user.Id, "a year and a half");
        await bot.Emulator.SendDirectMessageAsync(user.Id, "yes");
        Assert.Equal(0, await bot.Hosts[0].WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!user.Received.Skip(before).Any(m => m.Content.Contains(CoachingConversation.Steps[7].Question, StringComparison.OrdinalIgnoreCase)))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                var outbox = await ColumnAsync(database, "SELECT left(\"Body\", 80) || ' next=' || \"NextAttemptAt\"::text FROM reply_outbox");
                var events = await ColumnAsync(database, "SELECT \"EventId\" FROM handled_events ORDER BY \"HandledAt\" DESC LIMIT 5");
                var infos = string.Join("\n", bot.Emulator.Connections.Select(c => c.ToString()));
                Assert.Fail($"the DMs sent in the gap were not answered. outbox: {string.Join(" | ", outbox)}\nevents: {string.Join(",", events)}\nconnections:\n{infos}\nreceived: {string.Join(" || ", user.Received.Skip(before).Select(m => m.Content[..Math.Min(60, m.Content.Length)]))}");
            }

            await Task.Delay(50);
        }

        await user.AwaitRepliesAsync(user.Received.Count - 1);
        await CoachingConversation.PlayAsync(user, from: 7);

        foreach (var (question, _) in CoachingConversation.Steps)
        {
            Assert.Equal(1, user.Received.Count(m => m.Content.Contains(question, StringComparison.OrdinalIgnoreCase)));
        }

        var connections = bot.Emulator.Connections;
        // The takeover is the first resume; a later one (a reconnect on a busy machine) resumes the same session again.
        var resumed = connections.Where(c => c.Resumed).MinBy(c => c.OpenedAt)!;
        Assert.Single(connections.Select(c => c.SessionId).Where(id => id is not null).Distinct()); // the stop left the session open
        Assert.Empty(bot.Emulator.Violations);
        // The lease was given up with the session, not left to run out (that takes 18 s at ShardLeaseSeconds=20).
        var takeover = resumed.OpenedAt - stopped;
        Assert.True(takeover < TimeSpan.FromSeconds(8), $"the shard was taken over after {takeover.TotalSeconds:0.0} s");
        output.WriteLine($"takeover after SIGTERM: {takeover.TotalMilliseconds:0} ms (ShardLeaseSeconds=20)");
    }

    [SkippableFact]
    public async Task Three_replicas_given_every_event_complete_conversations_with_no_turn_lost_or_doubled()
    {
        var database = await server.CreateDatabaseAsync();
        // Without shard leases every replica connects shard 0, so the emulator delivers every event to all three.
        await using var bot = await DiscordBot.StartOnPostgresAsync(null, database, "--ChatCoach:ReplicaId=replica-a", NoLeases);
        await bot.StartHostAsync("--ChatCoach:ReplicaId=replica-b", NoLeases);
        await bot.StartHostAsync("--ChatCoach:ReplicaId=replica-c", NoLeases);
        Assert.Equal(3, bot.Emulator.Connections.Count(c => c.SessionId is not null && c.ClosedAt is null));
        var users = Enumerable.Range(1, 3).Select(i => new CoachUser(bot.Emulator, $"41000000000000000{i}")).ToList();

        await Task.WhenAll(users.Select(async user =>
        {
            await user.SayAsync("hi");
            await CoachingConversation.PlayAsync(user);
        }));

        foreach (var user in users)
        {
            // Every question once, then the plan: no turn lost (the next question always came) and none doubled.
            foreach (var (question, _) in CoachingConversation.Steps)
            {
                Assert.Equal(1, user.Received.Count(m => m.Content.Contains(question, StringComparison.OrdinalIgnoreCase)));
            }

            Assert.Equal(1, user.Received.Count(m => m.Content.Contains(CoachingConversation.PlanHeading, StringComparison.Ordinal)));
            // One handled event per thing the user did ("hi" and each step), each saved once by one of the replicas.
            Assert.Equal(1 + CoachingConversation.Steps.Length,
                await ScalarAsync(database, $"SELECT COUNT(*) FROM handled_events WHERE \"UserId\" = '{user.Id}' AND \"EventId\" NOT LIKE 'claim:%'"));
        }

        Assert.Empty(bot.Emulator.Violations);
    }

    [SkippableFact]
    public async Task A_script_changed_on_one_replica_goes_live_on_every_replica_and_into_their_folders()
    {
        var database = await server.CreateDatabaseAsync();
        using var folders = new TempFolder("chatcoach-replicas-");
        var dialogs = Replicas.Select(name =>
        {
            using var copy = new TempFolder($"chatcoach-dialogs-{name}-");
            var target = Path.Combine(folders.Path, name);
            Directory.Move(copy.CopyDialogs(), target);
            return target;
        }).ToList();
        await using var bot = await DiscordBot.StartOnPostgresAsync(null, database, "--ChatCoach:ReplicaId=replica-a", $"--ChatCoach:Dialogs:Path={dialogs[0]}", NoLeases);
        await bot.StartHostAsync("--ChatCoach:ReplicaId=replica-b", $"--ChatCoach:Dialogs:Path={dialogs[1]}", NoLeases);
        await bot.StartHostAsync("--ChatCoach:ReplicaId=replica-c", $"--ChatCoach:Dialogs:Path={dialogs[2]}", NoLeases);

        // A moderator edits the script on replica a; its watcher makes it live there, and the others follow.
        var edited = (await File.ReadAllTextAsync(Path.Combine(dialogs[0], "coach.yaml")))
            .Replace("What year did you graduate", "Which year did you graduate", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(dialogs[0], "coach.yaml"), edited);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (dialogs.Skip(1).Any(d => File.ReadAllText(Path.Combine(d, "coach.yaml")) != edited)
               || await ScalarAsync(database, "SELECT COUNT(DISTINCT \"Replica\") FROM activations WHERE \"Succeeded\" AND \"Actor\" <> 'startup'") < 3)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the change did not reach every replica within 30 s");
            await Task.Delay(100);
        }

        // Whichever replica answers, new conversations ask the new question.
        foreach (var i in Enumerable.Range(1, 3))
        {
            var user = new CoachUser(bot.Emulator, $"42000000000000000{i}");
            await user.SayAsync("hi");
            var asked = System.Diagnostics.Stopwatch.StartNew();
            while (!user.Received.Any(m => m.Content.Contains("year did you graduate", StringComparison.Ordinal)) && asked.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50);
            }

            Assert.Contains(user.Received, m => m.Content.Contains("Which year did you graduate", StringComparison.Ordinal));
        }

        Assert.Equal(["file change", ScriptFollowerActor, ScriptFollowerActor],
            (await ColumnAsync(database, "SELECT \"Actor\" FROM activations WHERE \"Actor\" <> 'startup' AND \"Succeeded\" ORDER BY \"Replica\"")).ToArray());
    }

    private const string ScriptFollowerActor = "replica sync";
    private const string NoLeases = "--ChatCoach:Discord:ShardLeaseSeconds=0";
    private const string Leases = "--ChatCoach:Discord:ShardLeaseSeconds=3";
    private const string LongLeases = "--ChatCoach:Discord:ShardLeaseSeconds=20";

    private static readonly string[] Replicas = ["a", "b", "c"];

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ColumnAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await rows.ReadAsync())
        {
            values.Add(rows.GetString(0));
        }

        return values;
    }
}
