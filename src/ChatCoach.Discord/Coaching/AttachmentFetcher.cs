using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChatCoach.Discord.Coaching;

/// <summary>
/// Downloads a script attached to <c>/dialogs upload</c>, and nothing else: only from Discord's attachment hosts (and
/// the host of <see cref="DiscordOptions.ApiBaseUrl"/>, for a local emulator), at most 1 MiB as declared and as
/// streamed, within 10 seconds, following no redirect. Every refusal says why.
/// </summary>
internal sealed class AttachmentFetcher(IHttpClientFactory clients, DiscordOptions options)
{
    /// <summary>The named client: 10-second timeout, no redirects (configured in <see cref="DiscordServiceCollectionExtensions"/>).</summary>
    public const string ClientName = "ChatCoach.Discord.Attachments";

    /// <summary>The largest script accepted.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>How long a download may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly string[] DiscordHosts = ["cdn.discordapp.com", "media.discordapp.net"];

    /// <summary>The file's text, or the reason it was refused.</summary>
    public async Task<(string? Content, string? Refusal)> FetchAsync(JsonElement attachment, CancellationToken cancellationToken)
    {
        var url = attachment.TryGetProperty("url", out var u) ? u.GetString() : null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !Allowed(uri))
        {
            return (null, $"Refused: the file must come from Discord's attachment servers ({string.Join(" or ", DiscordHosts)}), not {uri?.Host ?? "an unreadable address"}.");
        }

        if (attachment.TryGetProperty("size", out var size) && size.TryGetInt64(out var declared) && declared > MaxBytes)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"Refused: the file is {declared:N0} bytes; a script may be at most {MaxBytes:N0} bytes (1 MiB)."));
        }

        try
        {
            var http = clients.CreateClient(ClientName);
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                return (null, "Refused: the file's address redirects elsewhere, and redirects are not followed.");
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"Refused: Discord's attachment server answered {(int)response.StatusCode}."));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxBytes + 1];
            var read = 0;
            while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n && n > 0)
            {
                read += n;
            }

            return read > MaxBytes
                ? (null, string.Create(CultureInfo.InvariantCulture, $"Refused: the file is larger than {MaxBytes:N0} bytes (1 MiB)."))
                : (Encoding.UTF8.GetString(buffer, 0, read), null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "Refused: the download took longer than 10 seconds.");
        }
        catch (HttpRequestException e)
        {
            return (null, $"Refused: the file could not be downloaded ({e.HttpRequestError}).");
        }
    }

    private bool Allowed(Uri uri)
    {
        var apiHost = new Uri(options.ApiBaseUrl).Host;
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return false;
        }

        return DiscordHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase) || string.Equals(uri.Host, apiHost, StringComparison.OrdinalIgnoreCase);
    }
}
