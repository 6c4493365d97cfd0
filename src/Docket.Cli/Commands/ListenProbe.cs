using System.Net;
using System.Net.Sockets;

namespace Docket.Cli.Commands;

/// <summary>
/// Tries each address of <c>--urls</c> before <c>docket serve</c> touches the database: a port
/// already taken used to be found only after the database was created and migrated, and was
/// reported as a stack of Kestrel's messages.
/// </summary>
internal static class ListenProbe
{
    /// <summary>The first URL (of <c>--urls</c>, separated by ';') that cannot be listened on, and why; null when every one can.</summary>
    public static (string Url, string Why)? FirstUnavailable(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                return (url, "it is not a URL to listen on (http://HOST:PORT)");
            }

            // Port 0 asks for any free port, and a Unix socket is not a port at all.
            if (address.IsUnixPipe || address.Port == 0)
            {
                continue;
            }

            foreach (var ip in Addresses(address.Host))
            {
                if (TryBind(ip, address.Port) is { } why)
                {
                    return (url, why);
                }
            }
        }

        return null;
    }

    // As Kestrel binds them: localhost on the loopback, an IP as given, any other name on every address.
    private static IPAddress[] Addresses(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? [IPAddress.Loopback]
        : IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? [ip]
        : [IPAddress.Any];

    private static string? TryBind(IPAddress ip, int port)
    {
        using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (!OperatingSystem.IsWindows())
        {
            // As Kestrel does on Unix: a port held only by connections closing (TIME_WAIT) is free.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        try
        {
            socket.Bind(new IPEndPoint(ip, port));
            return null;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => "the address is already in use",
                SocketError.AccessDenied => "permission denied (ports below 1024 need privileges)",
                SocketError.AddressNotAvailable => "that address is not one of this machine's",
                _ => ex.Message,
            };
        }
    }
}
