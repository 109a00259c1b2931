using System.Net;
using System.Net.Sockets;

namespace ChatCoach.Tests.Shared;

/// <summary>A loopback TCP port nobody listens on right now, for a process under test to bind.</summary>
internal static class FreePort
{
    // Below the ephemeral range (32768 and up on Linux, 49152 and up elsewhere), so no outgoing connection of a test
    // running alongside takes the port between this check and the process under test binding it; a port the kernel
    // hands out for port 0 is ephemeral, and was taken that way ("address already in use").
    private const int First = 20000;
    private const int Count = 12000;

    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var tried = 0; tried < Count; tried++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }

        throw new InvalidOperationException($"no free loopback port in {First}-{First + Count - 1}");
    }
}
