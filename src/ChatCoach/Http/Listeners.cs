using System.Net;
using ChatCoach.Configuration;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ChatCoach.Http;

/// <summary>
/// Kestrel's listeners from <c>ChatCoach:Http</c>. Each connection is tagged with what its listener serves, so a
/// management path asked on the public listener is not found, whatever Host header the request carries.
/// </summary>
internal static class Listeners
{
    private const string ServesKey = "chatcoach.serves";

    [Flags]
    public enum Serves
    {
        Public = 1,
        Management = 2,
    }

    public static void Configure(KestrelServerOptions kestrel, HttpOptions options)
    {
        var separate = options.Management.Count > 0;
        foreach (var address in options.Public)
        {
            Listen(kestrel, address, separate ? Serves.Public : Serves.Public | Serves.Management);
        }

        foreach (var address in options.Management)
        {
            Listen(kestrel, address, Serves.Management);
        }
    }

    /// <summary>Whether the request came in on a listener that serves <paramref name="what"/>.</summary>
    public static bool Accepts(HttpContext context, Serves what) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ServesKey, out var serves) == true && ((Serves)serves!).HasFlag(what);

    private static void Listen(KestrelServerOptions kestrel, BindingAddress address, Serves serves)
    {
        void Tag(ListenOptions listen) => listen.Use(next => connection =>
        {
            connection.Items[ServesKey] = serves;
            return next(connection);
        });

        if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, Tag);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, Tag);
        }
        else
        {
            // "*", "+", "0.0.0.0" or a host name: every interface, as Kestrel's own URL binding does.
            kestrel.ListenAnyIP(address.Port, Tag);
        }
    }
}
