using System.Net;

namespace ChatCoach.Discord.Rest;

/// <summary>
/// Discord answered a REST request with an error. The message names the route template (ids and tokens
/// hidden), the HTTP status and Discord's JSON error code; it never contains the bot token.
/// </summary>
public sealed class DiscordApiException : Exception
{
    /// <summary>JSON code 50007: the user does not accept DMs from the bot. Not worth retrying.</summary>
    public const int CannotSendMessagesToThisUser = 50007;

    /// <summary>JSON code 10062: the interaction token expired or the 3 s deadline was missed.</summary>
    public const int UnknownInteraction = 10062;

    /// <summary>JSON code 40060: the interaction was already acknowledged.</summary>
    public const int InteractionAlreadyAcknowledged = 40060;

    /// <summary>Creates the exception.</summary>
    public DiscordApiException(string message, HttpStatusCode statusCode, int? code, string route)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        Route = route;
    }

    /// <summary>Creates the exception.</summary>
    public DiscordApiException()
    {
        Route = "";
    }

    /// <summary>Creates the exception.</summary>
    public DiscordApiException(string message)
        : base(message)
    {
        Route = "";
    }

    /// <summary>Creates the exception.</summary>
    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Route = "";
    }

    /// <summary>HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Discord's JSON error code (e.g. 50007), when the body had one.</summary>
    public int? Code { get; }

    /// <summary>Method and route template, e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string Route { get; }

    /// <summary>True for 50007: the user cannot be messaged; mark them undeliverable.</summary>
    public bool IsCannotMessageUser => Code == CannotSendMessagesToThisUser;
}
