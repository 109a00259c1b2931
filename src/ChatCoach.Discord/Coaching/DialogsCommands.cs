using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatCoach.Core.Scripts;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// <c>/dialogs</c> for moderators without a shell on the host: upload, download, reload, status, history and
/// rollback. Every change goes through <see cref="LiveScripts"/>, so it is validated, tested and audited
/// exactly like a change of the files.
/// </summary>
internal sealed class DialogsCommands(LiveScripts live, IScriptHistory history, AttachmentFetcher attachments, DiscordOptions options, TimeProvider time)
{
    private const int HistoryLength = 10;

    public async Task<IReadOnlyList<OutgoingMessage>> RunAsync(Interaction interaction, string userId, CancellationToken cancellationToken)
    {
        var sub = interaction.Data?.Options is [var first, ..] ? first : null;
        if (Moderators.Refusal(interaction, options) is { } refusal)
        {
            // Who, where and what, so an operator can see who tried to change what every user is told.
            await history.RecordAsync(new Activation(time.GetUtcNow(), $"refused: user {userId} in {(interaction.GuildId is { } guild ? $"server {guild}" : "a DM")}",
                $"/dialogs {sub?.Name}", FromVersion: null, ToVersion: "-", Succeeded: false, Result: refusal), cancellationToken);
            return [new OutgoingMessage(live.DefaultEngine.Script.Texts.ModeratorsOnly)];
        }

        var actor = $"moderator {userId}";
        return sub?.Name switch
        {
            "reload" => Text((await live.ReloadAsync(actor, cancellationToken)).ToString()),
            "rollback" => Text((await live.RollbackAsync(Option(sub, "version") ?? string.Empty, actor, cancellationToken)).ToString()),
            "status" => Text(await StatusAsync(cancellationToken)),
            "history" => Text(await HistoryAsync(cancellationToken)),
            "download" => Download(Option(sub, "id") ?? string.Empty),
            "upload" => await UploadAsync(interaction, sub, actor, cancellationToken),
            _ => Text("Use /dialogs upload, download, reload, status, history or rollback."),
        };
    }

    private async Task<string> StatusAsync(CancellationToken cancellationToken)
    {
        var sessions = await history.SessionsPerVersionAsync(cancellationToken);
        var text = new StringBuilder("Live scripts:");
        foreach (var script in live.Live.Scripts.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• {script.Id} at {Short(script.Version)}{(script.Id == live.Live.DefaultId ? " (default)" : string.Empty)}");
        }

        text.Append("\nSessions per version:");
        foreach (var (version, count) in sessions.OrderByDescending(s => s.Value))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• {Short(version)}: {count}{(live.Live.FindVersion(version) is null ? " (finishing on an earlier version)" : string.Empty)}");
        }

        return text.ToString();
    }

    private async Task<string> HistoryAsync(CancellationToken cancellationToken)
    {
        var activations = await history.ActivationsAsync(HistoryLength, cancellationToken);
        if (activations.Count == 0)
        {
            return "No activations yet.";
        }

        return "Latest activations, newest first:\n" + string.Join("\n", activations.Select(a =>
            $"• {a.At:yyyy-MM-dd HH:mm} UTC {a.ScriptId}: {(a.FromVersion is null ? "new" : Short(a.FromVersion))} → {Short(a.ToVersion)} by {a.Actor}: {(a.Succeeded ? "live" : "refused")}"));
    }

    private List<OutgoingMessage> Download(string id) => live.Find(id)?.Script is { } script
        ? [new OutgoingMessage($"The live version of {id} ({Short(script.Version)}).")
        {
            Files = [new DiscordFile(Path.GetFileName(script.File), Encoding.UTF8.GetBytes(script.Source))],
        }]
        : Text($"There is no live script with id '{id}'.");

    private async Task<IReadOnlyList<OutgoingMessage>> UploadAsync(Interaction interaction, InteractionOption sub, string actor, CancellationToken cancellationToken)
    {
        var id = Option(sub, "file");
        if (id is null || interaction.Data?.Resolved is not { } resolved
            || !resolved.TryGetProperty("attachments", out var attached) || !attached.TryGetProperty(id, out var attachment))
        {
            return Text("Attach the YAML file of the script to /dialogs upload.");
        }

        var (content, refused) = await attachments.FetchAsync(attachment, cancellationToken);
        return content is null ? Text(refused!) : Text((await live.SubmitAsync(content, actor, cancellationToken)).ToString());
    }

    private static string? Option(InteractionOption sub, string name) =>
        sub.Options?.FirstOrDefault(o => o.Name == name)?.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static List<OutgoingMessage> Text(string text) => [.. MessageSplitter.Split(text).Select(chunk => new OutgoingMessage(chunk))];

    private static string Short(string version) => version[..Math.Min(12, version.Length)];
}
