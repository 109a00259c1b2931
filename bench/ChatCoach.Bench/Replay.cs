using System.Diagnostics;
using ChatCoach.Core.Conversations;
using ChatCoach.Core.Engine;

namespace ChatCoach.Bench;

/// <summary>Replays the workload, one turn per message, with a number of users in flight; then checks the results.</summary>
/// <remarks>Users are on <paramref name="platform"/>, and their event ids start with it, so two runs on one database never meet.</remarks>
internal sealed class Replay(ConversationService conversations, IReadOnlyList<WorkloadUser> users, string platform)
{
    private readonly long[] _latencies = new long[users.Sum(u => u.Messages.Count)];
    private readonly int[] _reasks = new int[users.Count];
    private readonly bool[] _completedLast = new bool[users.Count];
    private int _nextUser = -1;
    private int _turns;

    /// <summary>Stopwatch ticks per turn, in completion order.</summary>
    public long[] Latencies => _latencies[.._turns];

    public int Turns => _turns;

    public int Reasks => _reasks.Sum();

    public int Completed { get; private set; }

    /// <summary>Runs every user; <paramref name="concurrency"/> users are in flight at once, each one's messages in order.</summary>
    public Task RunAsync(int concurrency) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkAsync)));

    private async Task WorkAsync()
    {
        for (var u = Interlocked.Increment(ref _nextUser); u < users.Count; u = Interlocked.Increment(ref _nextUser))
        {
            var user = users[u];
            var outcome = TurnOutcome.Opened;
            for (var k = 0; k < user.Messages.Count; k++)
            {
                // Platforms give every message an id; the store records it, so a redelivery is a no-op.
                var inbound = new Inbound(platform, user.User, Input.Message(user.Messages[k]), EventId: $"{platform}:{user.User}-{k}");
                var start = Stopwatch.GetTimestamp();
                var response = await conversations.HandleAsync(inbound, CancellationToken.None);
                _latencies[Interlocked.Increment(ref _turns) - 1] = Stopwatch.GetTimestamp() - start;
                outcome = response.Outcome;
                if (outcome == TurnOutcome.Reasked)
                {
                    _reasks[u]++;
                }
            }

            _completedLast[u] = outcome == TurnOutcome.Completed;
        }
    }

    /// <summary>What went wrong, user by user: the plan not reached, other answers stored than expected, other re-asks.</summary>
    public async Task<List<string>> CheckAsync(ISessionStore store)
    {
        var problems = new List<string>();
        for (var u = 0; u < users.Count; u++)
        {
            var user = users[u];
            var session = await store.LoadAsync(platform, user.User, CancellationToken.None);
            var wrong = new List<string>();
            if (!_completedLast[u] || session?.Node != "plan")
            {
                wrong.Add($"did not reach the plan (at {session?.Node ?? "no session"})");
            }

            if (_reasks[u] != user.Reasks)
            {
                wrong.Add($"{_reasks[u]} re-asks, expected {user.Reasks}");
            }

            var stored = session?.Answers ?? [];
            foreach (var (name, expected) in user.Expect)
            {
                if (!stored.TryGetValue(name, out var actual) || actual != expected)
                {
                    wrong.Add($"{name} = {(stored.ContainsKey(name) ? actual.ToString() : "(none)")}, expected {expected}");
                }
            }

            wrong.AddRange(stored.Keys.Where(name => !user.Expect.ContainsKey(name)).Select(name => $"{name} stored but not expected"));
            if (wrong.Count == 0)
            {
                Completed++;
            }
            else
            {
                problems.Add($"{user.User} [{string.Join(" | ", user.Messages)}]: {string.Join("; ", wrong)}");
            }
        }

        return problems;
    }
}
