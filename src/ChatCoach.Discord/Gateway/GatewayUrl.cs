namespace ChatCoach.Discord.Gateway;

internal static class GatewayUrl
{
    // Both the /gateway/bot URL and resume_gateway_url need the version and encoding appended (PROTOCOL.md §1.2).
    public static Uri Build(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var builder = new UriBuilder(baseUrl) { Query = "v=10&encoding=json" };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }
}
