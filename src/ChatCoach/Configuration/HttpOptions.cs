using Microsoft.AspNetCore.Http;

namespace ChatCoach.Configuration;

/// <summary>
/// The HTTP listeners (<c>ChatCoach:Http</c>): <c>POST /interactions</c> on <see cref="Urls"/>, and <c>/healthz</c>,
/// <c>/readyz</c>, <c>/metrics</c> on <see cref="ManagementUrls"/> when set (else on <see cref="Urls"/> too).
/// </summary>
internal sealed class HttpOptions
{
    public const string Section = "ChatCoach:Http";

    /// <summary>Where Kestrel listens, such as <c>http://0.0.0.0:8080</c>; several separated by <c>;</c>. Empty: no HTTP.</summary>
    public string? Urls { get; set; }

    /// <summary>A separate listener for health and metrics, so they are not exposed with the public endpoint.</summary>
    public string? ManagementUrls { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Urls);

    public IReadOnlyList<BindingAddress> Public => Parse(Urls);

    public IReadOnlyList<BindingAddress> Management => Parse(ManagementUrls);

    public IEnumerable<string> Problems()
    {
        foreach (var (key, value) in new[] { ("Urls", Urls), ("ManagementUrls", ManagementUrls) })
        {
            foreach (var url in Split(value))
            {
                if (Problem(url) is { } problem)
                {
                    yield return $"{Section}:{key}: '{url}' {problem}";
                }
            }
        }

        if (!Enabled && !string.IsNullOrWhiteSpace(ManagementUrls))
        {
            yield return $"{Section}:ManagementUrls: needs {Section}:Urls as well";
        }
    }

    private static string? Problem(string url)
    {
        try
        {
            var address = BindingAddress.Parse(url);
            // TLS ends at the load balancer; a unix socket or an https listener would need certificates here.
            return address.Scheme != "http" || address.IsUnixPipe ? "must be an http:// URL such as http://0.0.0.0:8080" : null;
        }
        catch (FormatException e)
        {
            return $"is not a URL ({e.Message})";
        }
    }

    private static List<BindingAddress> Parse(string? urls) => Split(urls).Select(BindingAddress.Parse).ToList();

    private static string[] Split(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
