using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;
using ChatCoach.Core.Outbox;
using ChatCoach.Discord.Emulator;
using ChatCoach.Discord.Emulator.RateLimits;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Outbox;
using ChatCoach.Discord.Rest;
using ChatCoach.Discord.Tests.Support;
using ChatCoach.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatCoach.Discord.Tests.Outbox;

/// <summary>Each kind of reply by its own rule, against the emulator and a real outbox, on a test clock.</summary>
public sealed class ReplySenderTests : IAsyncLifetime
{
    private const string User = "53908232506183681";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private TempDatabase _db = null!;
    private DiscordEmulator _emulator = null!;
    private DiscordRestClient _rest = null!;
    private ReplySender _sender = null!;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        _emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { RequireRegisteredCommands = false });
        var options = TestOptions.Create(_emulator.ApiBaseUrl);
        options.Token = _emulator.Options.Token;
        options.RestRetryBaseDelay = TimeSpan.FromMilliseconds(10);
        _rest = new DiscordRestClient(_http, options);
        _sender = new ReplySender(_rest, _db.Outbox, new OpenQuestions(), _time, NullLogger<ReplySender>.Instance);
    }

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        _http.Dispose();
        await _emulator.DisposeAsync();
        await _db.DisposeAsync();
    }

    private string Dm => _emulator.DmChannelId(User);

    private int Posts => _emulator.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith($"{Dm}/messages", StringComparison.Ordinal));

    /// <summary>Rows saved with a turn, as the conversation service saves them.</summary>
    private async Task<IReadOnlyList<OutboxReply>> SaveAsync(params Outgoing[] messages)
    {
        var rows = DiscordComposer.Rows(User, messages, _time.GetUtcNow(), _time.GetUtcNow() + TimeSpan.FromMinutes(15));
        var session = await _db.Store.LoadAsync("discord", User, default) ?? Session.New("discord", User, "coach", "v1", _time.GetUtcNow());
        Assert.Equal(SaveResult.Saved, await _db.Store.SaveAsync(new SavedTurn(session, Guid.NewGuid().ToString(), TurnOutcome.Answered, null) { Outbox = rows }, default));
        return rows;
    }

    private Task<IReadOnlyList<OutboxReply>> PendingAsync() => _db.Outbox.ClaimDueAsync("discord", _time.GetUtcNow() + TimeSpan.FromDays(1), TimeSpan.FromSeconds(1), 100, default);

    private static Outgoing Text(ReplyAddress to, string text) => new(to, new OutgoingMessage(text));

    [Fact]
    public async Task A_dm_that_failed_unclearly_is_retried_with_its_nonce_and_posted_once()
    {
        var row = Assert.Single(await SaveAsync(Text(ReplyAddress.Dm(Dm), "next question")));
        _emulator.FaultAfterProcessing($"POST /channels/{Dm}/messages", AfterwardsFault.ConnectionDrop);

        Assert.Equal(RowOutcome.Retry, await _sender.SendOneAsync(row, default));
        var pending = Assert.Single(await PendingAsync());
        Assert.Equal((1, _time.GetUtcNow()), (pending.Attempts, pending.FirstTriedAt));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(RowOutcome.Sent, await _sender.SendOneAsync(pending, default));

        Assert.Equal(2, Posts);
        Assert.Equal("next question", Assert.Single(_emulator.MessagesToUser(User)).Content);
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task A_dm_first_tried_more_than_2_minutes_ago_is_dropped_rather_than_risk_a_double()
    {
        var row = Assert.Single(await SaveAsync(Text(ReplyAddress.Dm(Dm), "late")));
        row.Attempts = 3;
        row.FirstTriedAt = _time.GetUtcNow();
        _time.Advance(ReplySender.ChannelResendLimit + TimeSpan.FromSeconds(1));

        Assert.Equal(RowOutcome.Dropped, await _sender.SendOneAsync(row, default));
        Assert.Equal(0, Posts);
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task A_user_with_closed_dms_costs_one_refused_request_until_they_write_again()
    {
        _emulator.SetDirectMessagesBlocked(User, blocked: true);
        var rows = await SaveAsync(Text(ReplyAddress.Dm(Dm), "one"), Text(ReplyAddress.Dm(Dm), "two"));

        Assert.Equal(RowOutcome.Unreachable, await _sender.SendAsync(rows, default));
        Assert.Equal(1, Posts);
        Assert.Empty(await PendingAsync());

        _emulator.SetDirectMessagesBlocked(User, blocked: false);
        _sender.Reachable(User);
        Assert.Equal(RowOutcome.Sent, await _sender.SendAsync(await SaveAsync(Text(ReplyAddress.Dm(Dm), "three")), default));
        Assert.Equal("three", Assert.Single(_emulator.MessagesToUser(User)).Content);
    }

    [Fact]
    public async Task A_reply_through_an_expired_interaction_token_is_dropped_unsent()
    {
        var row = Assert.Single(await SaveAsync(Text(ReplyAddress.FollowUp(_emulator.Options.ApplicationId, "token"), "too late")));
        _time.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(RowOutcome.Dropped, await _sender.SendOneAsync(row, default));
        Assert.DoesNotContain(_emulator.Requests, r => r.Path.Contains("/webhooks/", StringComparison.Ordinal));
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task An_interactions_first_answer_found_by_get_original_is_not_sent_again_and_a_missing_one_is_sent()
    {
        var answered = _emulator.Interaction(await _emulator.SlashCommandAsync(User, "help"))!;
        await _rest.CreateInteractionResponseAsync(answered.Id, answered.Token, InteractionResponse.Reply(new OutgoingMessage("already there")));
        var unanswered = _emulator.Interaction(await _emulator.SlashCommandAsync(User, "plan"))!;
        var app = _emulator.Options.ApplicationId;

        var rows = await SaveAsync(
            Text(ReplyAddress.Initial(answered.Id, app, answered.Token), "already there"),
            Text(ReplyAddress.Initial(unanswered.Id, app, unanswered.Token), "sent now"));

        Assert.Equal(RowOutcome.Sent, await _sender.SendAsync(rows, default));
        Assert.Single(_emulator.BotMessages(), m => m.InteractionId == answered.Id);
        Assert.Equal("sent now", Assert.Single(_emulator.BotMessages(), m => m.InteractionId == unanswered.Id).Content);
        Assert.Equal(0, _emulator.Interaction(answered.Id)!.RejectedCallbacks);
        Assert.Empty(_emulator.Violations.Select(v => $"{v.Kind}: {v.Detail}"));
    }
}
