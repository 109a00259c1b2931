namespace ChatCoach.Discord.Emulator;

/// <summary>A file part of a multipart request (<c>files[n]</c>).</summary>
public sealed record RecordedAttachment(string FieldName, string FileName, string? ContentType, ReadOnlyMemory<byte> Content);
