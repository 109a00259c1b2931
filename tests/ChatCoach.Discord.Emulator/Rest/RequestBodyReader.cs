using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCoach.Discord.Emulator.Schema;

namespace ChatCoach.Discord.Emulator.Rest;

/// <summary>A request body: JSON (or a multipart <c>payload_json</c>) plus uploaded files.</summary>
internal sealed record ParsedBody(JsonNode? Json, string? RawJson, IReadOnlyList<RecordedAttachment> Files, RestResult? Error)
{
    public static ParsedBody None { get; } = new(null, null, [], null);
}

/// <summary>Reads JSON and <c>multipart/form-data</c> bodies the way Discord accepts them (PROTOCOL.md §6.1).</summary>
internal static class RequestBodyReader
{
    public static async Task<ParsedBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType ?? string.Empty;
        if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadMultipartAsync(request, cancellationToken);
        }

        string raw;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            raw = await reader.ReadToEndAsync(cancellationToken);
        }

        if (raw.Length == 0)
        {
            return ParsedBody.None;
        }

        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var errors = new FormErrors();
            errors.Add(string.Empty, "CONTENT_TYPE_INVALID", "Expected \"Content-Type\" header to be one of {'application/json', 'multipart/form-data'}.");
            return new ParsedBody(null, raw, [], RestResult.InvalidForm(errors));
        }

        return Parse(raw, []);
    }

    private static async Task<ParsedBody> ReadMultipartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var files = new List<RecordedAttachment>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            files.Add(new RecordedAttachment(file.Name, file.FileName, file.ContentType, buffer.ToArray()));
        }

        if (form.TryGetValue("payload_json", out var payload))
        {
            return Parse(payload.ToString(), files);
        }

        // Without payload_json Discord reads plain form fields (content, tts, …) as strings.
        var fields = new JsonObject();
        foreach (var (key, value) in form)
        {
            fields[key] = value.ToString();
        }

        return new ParsedBody(fields, fields.ToJsonString(), files, null);
    }

    private static ParsedBody Parse(string raw, IReadOnlyList<RecordedAttachment> files)
    {
        try
        {
            return new ParsedBody(JsonNode.Parse(raw), raw, files, null);
        }
        catch (JsonException)
        {
            return new ParsedBody(null, raw, files, DiscordErrors.InvalidJson());
        }
    }
}
