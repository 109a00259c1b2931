using ChatCoach.Core.Outbox;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// An interaction's work (a turn, or a command's own answer), run in line with the user's turns: it produces the
/// rows to send and hands them to <paramref name="deliver"/> from inside that line; it completes once they are sent.
/// </summary>
internal delegate Task InteractionWork(Func<IReadOnlyList<OutboxReply>, Task> deliver);
