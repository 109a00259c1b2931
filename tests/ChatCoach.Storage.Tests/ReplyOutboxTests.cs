using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Outbox;
using ChatCoach.Tests.Databases;
using ChatCoach.Tests.Shared;

namespace ChatCoach.Storage.Tests;

/// <summary>The reply outbox's contract, run on every provider.</summary>
public abstract class ReplyOutboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private TempDatabase _db = null!;

    public async Task InitializeAsync() => _db = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    private protected abstract Task<TempDatabase> CreateDatabaseAsync();

    private static OutboxReply Reply(string user, string body) => new()
    {
        Platform = "test",
        UserId = user,
        Address = "dm:1",
        Body = body,
        CreatedAt = Now,
        NextAttemptAt = Now + TimeSpan.FromSeconds(10),
    };

    private async Task<SavedTurn> SaveAsync(string user, string eventId, params string[] bodies)
    {
        var session = await _db.Store.LoadAsync("test", user, default) ?? Session.New("test", user, "coach", "v1", Now);
        var turn = new SavedTurn(session, eventId, TurnOutcome.Answered, null) { Outbox = [.. bodies.Select(b => Reply(user, b))] };
        Assert.Equal(SaveResult.Saved, await _db.Store.SaveAsync(turn, default));
        return turn;
    }

    [SkippableFact]
    public async Task Rows_commit_with_their_turn_get_ids_and_wait_out_the_first_send_lease()
    {
        var turn = await SaveAsync("alice", "e1", "one", "two");

        Assert.All(turn.Outbox, r => Assert.True(r.Id > 0));
        Assert.True(turn.Outbox[0].Id < turn.Outbox[1].Id);
        Assert.Empty(await _db.Outbox.ClaimDueAsync("test", Now, Lease, 10, default));
        var due = await _db.Outbox.ClaimDueAsync("test", Now + TimeSpan.FromSeconds(11), Lease, 10, default);
        Assert.Equal(["one"], due.Select(r => r.Body));
    }

    [SkippableFact]
    public async Task Only_each_users_oldest_row_is_due_and_a_claim_holds_it_for_the_lease()
    {
        await SaveAsync("alice", "e1", "a1", "a2");
        await SaveAsync("bob", "e2", "b1");
        var later = Now + TimeSpan.FromMinutes(1);

        var first = await _db.Outbox.ClaimDueAsync("test", later, Lease, 10, default);
        Assert.Equal(["a1", "b1"], first.Select(r => r.Body));
        Assert.Empty(await _db.Outbox.ClaimDueAsync("test", later, Lease, 10, default));
        Assert.Equal(3, await _db.Outbox.CountPendingAsync("test", default)); // claimed is not sent
        Assert.Equal(0, await _db.Outbox.CountPendingAsync("other", default));

        await _db.Outbox.MarkSentAsync(first[0].Id, default);
        await _db.Outbox.RetryAtAsync(first[1].Id, 1, later, later + TimeSpan.FromMinutes(5), default);
        Assert.Equal(2, await _db.Outbox.CountPendingAsync("test", default));
        var second = await _db.Outbox.ClaimDueAsync("test", later + Lease, Lease, 10, default);
        var a2 = Assert.Single(second);
        Assert.Equal("a2", a2.Body);

        var retried = Assert.Single(await _db.Outbox.ClaimDueAsync("test", later + TimeSpan.FromMinutes(6), Lease, 10, default), r => r.UserId == "bob");
        Assert.Equal((1, later), (retried.Attempts, retried.FirstTriedAt));
    }

    [SkippableFact]
    public async Task A_duplicate_event_writes_no_rows()
    {
        await SaveAsync("alice", "e1", "one");
        var session = (await _db.Store.LoadAsync("test", "alice", default))!;

        var again = new SavedTurn(session, "e1", TurnOutcome.Answered, null) { Outbox = [Reply("alice", "twice")] };
        Assert.Equal(SaveResult.Duplicate, await _db.Store.SaveAsync(again, default));

        var due = await _db.Outbox.ClaimDueAsync("test", Now + TimeSpan.FromHours(1), Lease, 10, default);
        Assert.Equal(["one"], due.Select(r => r.Body));
    }

    [SkippableFact]
    public async Task Forgetting_a_user_deletes_their_pending_rows_and_no_one_elses()
    {
        await SaveAsync("alice", "e1", "alice's");
        await SaveAsync("bob", "e2", "bob's");
        await SaveAsync("carol", "e3", "carol's");

        await _db.Store.EraseAsync("test", "alice", default);
        await _db.Outbox.DeleteForUserAsync("test", "bob", default);

        var due = await _db.Outbox.ClaimDueAsync("test", Now + TimeSpan.FromHours(1), Lease, 10, default);
        Assert.Equal(["carol's"], due.Select(r => r.Body));
    }

    [SkippableFact]
    public async Task Replicas_claiming_at_once_each_get_other_rows_so_each_reply_has_one_sender()
    {
        for (var i = 0; i < 40; i++)
        {
            await SaveAsync($"user{i}", $"event{i}", $"reply{i}");
        }

        var replicas = Enumerable.Range(0, 4).Select(i => _db.Replica($"replica-{i}")).ToList();
        try
        {
            var later = Now + TimeSpan.FromMinutes(1);
            var claims = await Task.WhenAll(replicas.Select(r => r.Outbox.ClaimDueAsync("test", later, Lease, 15, default)));

            var bodies = claims.SelectMany(c => c.Select(r => r.Body)).ToList();
            Assert.Equal(bodies.Distinct().Count(), bodies.Count);
            Assert.Equal(40, bodies.Count);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }
}

public sealed class SqliteReplyOutboxTests : ReplyOutboxTests
{
    private protected override Task<TempDatabase> CreateDatabaseAsync() => TempDatabase.CreateAsync();
}

[Collection(UsesPostgres.Name)]
public sealed class PostgresReplyOutboxTests(PostgresServer server) : ReplyOutboxTests
{
    private protected override Task<TempDatabase> CreateDatabaseAsync() => TempDatabase.CreateAsync(server);
}
