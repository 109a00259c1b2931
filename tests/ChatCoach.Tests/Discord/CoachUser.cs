using System.Diagnostics;
using ChatCoach.Discord.Emulator;

namespace ChatCoach.Tests.Discord;

/// <summary>
/// A simulated Discord user who answers the coach's questions by typing or clicking, and remembers how long
/// each reply took to arrive (from the event to the bot's first message).
/// </summary>
internal sealed class CoachUser(DiscordEmulator emulator, string userId)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public string Id => userId;

    public List<TimeSpan> Latencies { get; } = [];

    /// <summary>Messages the bot sent this user (not ephemeral follow-ups), in order.</summary>
    public IReadOnlyList<EmulatedMessage> Received =>
        emulator.MessagesToUser(userId).Where(m => m.Origin == MessageOrigin.ChannelMessage).ToList();

    public EmulatedMessage LastQuestion => Received[^1];

    /// <summary>Types a message and waits until the bot has answered and gone quiet.</summary>
    public Task<IReadOnlyList<EmulatedMessage>> SayAsync(string text) => ActAsync(() => emulator.SendDirectMessageAsync(userId, text));

    /// <summary>Clicks the button of the open question whose choice is <paramref name="choiceId"/>.</summary>
    public Task<IReadOnlyList<EmulatedMessage>> ClickAsync(string choiceId)
    {
        var question = Received.Last(m => m.CustomIds().Count > 0);
        var button = question.CustomIds().Single(id => id.EndsWith($"|{choiceId}", StringComparison.Ordinal));
        return ActAsync(() => emulator.ClickButtonAsync(userId, question.Id, button));
    }

    /// <summary>Picks <paramref name="choiceId"/> in the select menu of the open question.</summary>
    public Task<IReadOnlyList<EmulatedMessage>> SelectAsync(string choiceId)
    {
        var question = Received.Last(m => m.CustomIds().Count > 0);
        return ActAsync(() => emulator.SelectAsync(userId, question.Id, question.CustomIds().Single(), choiceId));
    }

    /// <summary>Waits for the bot to go quiet after something happened without this user acting (a resume).</summary>
    public async Task<IReadOnlyList<EmulatedMessage>> AwaitRepliesAsync(int before)
    {
        var waited = Stopwatch.StartNew();
        while (Received.Count == before)
        {
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"user {userId} got no reply in {Patience}");
            }

            await Task.Delay(20);
        }

        var count = -1;
        while (count != Received.Count)
        {
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"user {userId} kept receiving messages for {Patience}: {Received.Count - before} since the last act");
            }

            count = Received.Count;
            await Task.Delay(Quiet);
        }

        return Received.Skip(before).ToList();
    }

    private async Task<IReadOnlyList<EmulatedMessage>> ActAsync(Func<Task<string>> act)
    {
        var before = Received.Count;
        var sent = TimeProvider.System.GetUtcNow();
        await act().WaitAsync(Patience);
        var replies = await AwaitRepliesAsync(before);
        Latencies.Add(replies[0].CreatedAt - sent);
        return replies;
    }
}
