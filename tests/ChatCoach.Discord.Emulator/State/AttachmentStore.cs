using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.State;

/// <summary>Files users attached, served at <c>/attachments/{id}/{name}</c> as Discord's CDN would.</summary>
internal sealed class AttachmentStore(SnowflakeGenerator ids)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EmulatedAttachment> _files = [];

    /// <summary>The emulator's base URL, known once Kestrel listens.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Keeps the file and returns its attachment object (id, filename, size, url…).</summary>
    public JsonObject Add(EmulatedAttachment attachment)
    {
        var id = ids.Next();
        lock (_gate)
        {
            _files[id] = attachment;
        }

        var url = attachment.Url?.AbsoluteUri ?? new Uri(BaseUrl!, $"attachments/{id}/{Uri.EscapeDataString(attachment.FileName)}").AbsoluteUri;
        return new JsonObject
        {
            ["id"] = id,
            ["filename"] = attachment.FileName,
            ["size"] = attachment.DeclaredSize ?? attachment.Content.LongLength,
            ["url"] = url,
            ["proxy_url"] = url,
            ["content_type"] = attachment.ContentType,
        };
    }

    public EmulatedAttachment? Find(string id)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(id);
        }
    }
}
