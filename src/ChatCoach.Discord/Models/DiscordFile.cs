namespace ChatCoach.Discord.Models;

/// <summary>A file to upload with a message (sent as multipart/form-data).</summary>
public sealed record DiscordFile
{
    /// <summary>Creates an attachment named <paramref name="fileName"/>.</summary>
    public DiscordFile(string fileName, ReadOnlyMemory<byte> content)
    {
        FileName = ComponentLimits.Text(fileName, 1, 1024, "File name", nameof(fileName));
        Content = content;
    }

    /// <summary>Name shown in Discord.</summary>
    public string FileName { get; }

    /// <summary>File bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>Alt text (≤ 1024).</summary>
    public string? Description { get; init; }

    /// <summary>MIME type of the part; defaults to application/octet-stream.</summary>
    public string? ContentType { get; init; }
}
