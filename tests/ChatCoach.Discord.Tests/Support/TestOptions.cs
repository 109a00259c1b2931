namespace ChatCoach.Discord.Tests.Support;

internal static class TestOptions
{
    // Recognisable so tests can assert it never leaks.
    public const string Token = "MTA5MDM3MjU4Mjc4MTQ5NzQyNA.secret-token-value.never-log-me";

    public static DiscordClientOptions Create(Uri? apiBaseUrl = null) => new()
    {
        Token = Token,
        ApiBaseUrl = apiBaseUrl ?? new Uri("https://discord.test/api/v10"),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
        InvalidSessionMinDelay = TimeSpan.FromMilliseconds(100),
        InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(300),
        GatewayConnectTimeout = TimeSpan.FromSeconds(10),
        RestRetryBaseDelay = TimeSpan.FromMilliseconds(50),
    };
}
