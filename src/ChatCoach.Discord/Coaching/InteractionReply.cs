using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// Answers one slash command within Discord's three seconds: at once when the work is quick, otherwise with a
/// deferral ("thinking…", ephemeral when the answer will be) filled in when the work is done. Whichever of the
/// two comes first wins; extra messages follow as follow-ups with the same visibility.
/// </summary>
internal sealed class InteractionReply(DiscordRestClient rest, Interaction interaction, bool ephemeral, DateTimeOffset tokenExpires, TimeProvider time)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _deferred;
    private bool _answered;

    public MessageFlags Flags => ephemeral ? MessageFlags.Ephemeral : MessageFlags.None;

    /// <summary>Defers after <paramref name="delay"/> unless answered by then.</summary>
    public async Task DeferAfterAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, time, cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_answered)
            {
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Defer(ephemeral), cancellationToken);
                _deferred = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends the answer: the first message answers the interaction, the rest follow. False once the token expired.</summary>
    public async Task<bool> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() >= tokenExpires)
            {
                return false;
            }

            var first = messages[0] with { Flags = messages[0].Flags | Flags };
            if (_deferred)
            {
                await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, first, cancellationToken);
            }
            else
            {
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Reply(first), cancellationToken);
            }

            _answered = true;
            foreach (var message in messages.Skip(1))
            {
                await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, message with { Flags = message.Flags | Flags }, cancellationToken);
            }

            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
