using ChatCoach.Tests.Databases;
using ChatCoach.Tests.Shared;
using Npgsql;

namespace ChatCoach.Tests.Discord;

/// <summary>
/// Several real hosts (replicas) on one PostgreSQL database and one bot token, against the loopback Discord emulator,
/// which delivers every direct message to each of them.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class ReplicaTests(PostgresServer server)
{
    [SkippableFact]
    public async Task Three_replicas_given_every_event_complete_conversations_with_no_turn_lost_or_doubled()
    {
        var database = await server.CreateDatabaseAsync();
        await using var bot = await DiscordBot.StartAsync(null, database, "--ChatCoach:ReplicaId=replica-a");
        await bot.StartHostAsync("--ChatCoach:ReplicaId=replica-b");
        await bot.StartHostAsync("--ChatCoach:ReplicaId=replica-c");
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
        await using var bot = await DiscordBot.StartAsync(null, database, "--ChatCoach:ReplicaId=replica-a", $"--ChatCoach:Dialogs:Path={dialogs[0]}");
        await bot.StartHostAsync("--ChatCoach:ReplicaId=replica-b", $"--ChatCoach:Dialogs:Path={dialogs[1]}");
        await bot.StartHostAsync("--ChatCoach:ReplicaId=replica-c", $"--ChatCoach:Dialogs:Path={dialogs[2]}");

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
            var opening = await user.SayAsync("hi");
            Assert.Contains(opening, m => m.Content.Contains("Which year did you graduate", StringComparison.Ordinal));
        }

        Assert.Equal(["file change", ScriptFollowerActor, ScriptFollowerActor],
            (await ColumnAsync(database, "SELECT \"Actor\" FROM activations WHERE \"Actor\" <> 'startup' AND \"Succeeded\" ORDER BY \"Replica\"")).ToArray());
    }

    private const string ScriptFollowerActor = "replica sync";

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
