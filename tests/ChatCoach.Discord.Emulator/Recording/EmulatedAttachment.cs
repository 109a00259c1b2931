namespace ChatCoach.Discord.Emulator;

/// <summary>
/// A file a simulated user attaches (an ATTACHMENT option of a slash command, or a file in a DM). The emulator serves
/// its content at <c>{BaseUrl}attachments/…</c> unless <see cref="Url"/> points elsewhere.
/// </summary>
/// <param name="FileName">The file's name.</param>
/// <param name="Content">What the emulator serves.</param>
/// <param name="ContentType">Its media type.</param>
public sealed record EmulatedAttachment(string FileName, byte[] Content, string ContentType = "application/octet-stream")
{
    /// <summary>The <c>size</c> Discord declares; null declares the real length.</summary>
    public long? DeclaredSize { get; init; }

    /// <summary>Where the attachment says it is; null is the emulator's own attachment host.</summary>
    public Uri? Url { get; init; }
}
