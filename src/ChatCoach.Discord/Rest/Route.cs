using System.Globalization;
using System.Text;

namespace ChatCoach.Discord.Rest;

// Rate-limit identity of a request (PROTOCOL.md §7.4). Key keeps the major parameters (channel, guild,
// webhook id + token) and hides every other id; Template hides them all and is the only form safe to log,
// because webhook and interaction tokens live in the path.
internal sealed record Route(string Method, string Key, string Template, string MajorParameters)
{
    // Interaction callbacks and interaction webhooks are exempt from the global limit (PROTOCOL.md §7.3).
    public bool ExemptFromGlobalLimit { get; init; }

    public static Route Create(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segments = (query >= 0 ? path[..query] : path).Trim('/').Split('/');
        var key = new StringBuilder();
        var template = new StringBuilder();
        var major = new StringBuilder();
        var exempt = false;

        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : "";
            string keyPart;
            string templatePart;

            if (previous == "channels" && IsSnowflake(segment))
            {
                (keyPart, templatePart) = (segment, "{channel_id}");
            }
            else if (previous == "guilds" && IsSnowflake(segment))
            {
                (keyPart, templatePart) = (segment, "{guild_id}");
            }
            else if (previous is "webhooks" or "interactions" && i + 1 < segments.Length)
            {
                // Webhook id + token are one major parameter. Each interaction gets its own key as well, so
                // one interaction's ACK never waits behind another's bucket (the 3 s deadline matters more).
                var kind = previous == "webhooks" ? "webhook" : "interaction";
                keyPart = segment + "/" + segments[i + 1];
                templatePart = $"{{{kind}_id}}/{{{kind}_token}}";
                exempt = true;
                i++;
            }
            else if (IsSnowflake(segment))
            {
                (keyPart, templatePart) = ("{id}", "{id}");
            }
            else
            {
                (keyPart, templatePart) = (segment, segment);
            }

            if (templatePart != keyPart)
            {
                major.Append('/').Append(keyPart);
            }

            key.Append('/').Append(keyPart);
            template.Append('/').Append(templatePart);
        }

        var verb = method.Method.ToUpperInvariant();
        return new Route(verb, verb + " " + key, verb + " " + template, major.ToString()) { ExemptFromGlobalLimit = exempt };
    }

    // A redacted form for exceptions and logs.
    public override string ToString() => Template;

    private static bool IsSnowflake(string segment) =>
        segment.Length > 0 && ulong.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
