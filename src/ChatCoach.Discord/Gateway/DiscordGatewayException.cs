namespace ChatCoach.Discord.Gateway;

/// <summary>
/// The gateway cannot continue (bad token, invalid intents, sharding problems): reconnecting would fail
/// the same way, so the host should stop with a non-zero exit code and show <see cref="Exception.Message"/>.
/// </summary>
public sealed class DiscordGatewayException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DiscordGatewayException(string message, int? closeCode = null, Exception? innerException = null)
        : base(message, innerException) => CloseCode = closeCode;

    /// <summary>Creates the exception.</summary>
    public DiscordGatewayException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscordGatewayException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscordGatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The WebSocket close code Discord sent, when the failure came from one.</summary>
    public int? CloseCode { get; }
}
