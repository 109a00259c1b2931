namespace ChatCoach.Discord.Gateway;

/// <summary>Where a gateway connection stands; the numbers are what <c>chatcoach_gateway_state</c> reports.</summary>
public enum GatewayState
{
    /// <summary>No connection.</summary>
    Disconnected = 0,

    /// <summary>Connecting, identifying or resuming.</summary>
    Connecting = 1,

    /// <summary>READY or RESUMED received, and the connection not lost since: events flow.</summary>
    Connected = 2,
}
