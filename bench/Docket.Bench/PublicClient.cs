using System.Net;
using System.Net.Sockets;

namespace Docket.Bench;

/// <summary>
/// A member of the public asking for the statistics: the public answers are rate-limited per
/// address (120 a minute), so a client that asked 100 times moves on to a fresh loopback source
/// address (127.x.y.z, all of which reach the server on Linux) on a new connection, as the next
/// person would. The limiter still runs on every request; no request of the run is refused by it
/// unless something is wrong (refusals count as failures).
/// </summary>
internal sealed class PublicClient(Uri address) : IDisposable
{
    private const int RequestsPerAddress = 100;

    private static long nextAddress;

    private HttpClient? http;
    private int sent;

    public async Task<HttpResponseMessage> GetAsync(string path, string? bearer = null)
    {
        if (http is null || sent == RequestsPerAddress)
        {
            http?.Dispose();
            http = Connect(NextAddress());
            sent = 0;
        }

        sent++;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await http.SendAsync(request);
    }

    public void Dispose() => http?.Dispose();

    private HttpClient Connect(IPAddress source) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>127.b.c.d with b, c, d from 1 to 250: about 15 million addresses, never 127.0.0.1 itself.</summary>
    private static IPAddress NextAddress()
    {
        var n = Interlocked.Increment(ref nextAddress);
        return new IPAddress([127, (byte)(1 + (n / 62_500 % 250)), (byte)(1 + (n / 250 % 250)), (byte)(1 + (n % 250))]);
    }
}
