using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Docket.Reliability.Tests.Fuzzing;

/// <summary>How the body travels: what HttpClient always gets right, and the ways it can be wrong.</summary>
public enum Framing
{
    /// <summary>Content-Length, the body exactly.</summary>
    Length,

    /// <summary>Transfer-Encoding: chunked, well formed.</summary>
    Chunked,

    /// <summary>Chunked framing that is broken (a size that is not hex, negative, overflowing; data longer than its size).</summary>
    ChunkedGarbage,

    /// <summary>A Content-Length larger than the body, then the client closes its side: the body ends early.</summary>
    Truncated,

    /// <summary>Both Content-Length and Transfer-Encoding, which RFC 9112 says a server must not trust.</summary>
    LengthAndChunked,
}

/// <summary>One request as written on the wire, bytes and all.</summary>
public sealed record RawRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, byte[]>> Headers, byte[]? Body, Framing Framing, string ChunkedGarbage = "")
{
    /// <summary>True when the request line or a header is broken enough that Kestrel refuses it before Docket sees it.</summary>
    public bool BrokenBeforeTheApp { get; init; }
}

/// <summary>What came back: status, headers (names lower-cased), the body (de-chunked) and how long it took.</summary>
public sealed record RawAnswer(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, TimeSpan Elapsed)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// HTTP/1.1 by hand on a socket, one connection a request (Connection: close), for requests
/// HttpClient will not send. Each connection comes from its own loopback address (127.x.y.z):
/// the sign-in rate limit is per address, and the fuzzer means to reach the parser behind it,
/// not to test the limiter ten thousand times.
/// </summary>
public static class RawHttp
{
    private static int nextSource;

    public static async Task<RawAnswer?> SendAsync(Uri server, RawRequest request, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(NextSource(), 0));
        using var deadline = new CancellationTokenSource(timeout);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(server.Host), server.Port), deadline.Token);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            await stream.WriteAsync(Encode(request), deadline.Token);
            if (request.Framing == Framing.Truncated)
            {
                socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            // The server answered and closed before taking the whole request: read what it said.
        }

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, deadline.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            // A reset after the answer: what arrived is the answer.
        }

        return Parse(received.ToArray(), watch.Elapsed);
    }

    /// <summary>The request's bytes: request line, headers, framing, body.</summary>
    public static byte[] Encode(RawRequest request)
    {
        var wire = new MemoryStream();
        void Write(string text) => wire.Write(Encoding.Latin1.GetBytes(text));
        Write($"{request.Method} {request.Target} HTTP/1.1\r\n");
        foreach (var (name, value) in request.Headers)
        {
            Write(name + ": ");
            wire.Write(value);
            Write("\r\n");
        }

        var body = request.Body ?? [];
        switch (request.Framing)
        {
            case Framing.Length:
                if (request.Body is not null)
                {
                    Write($"Content-Length: {body.Length}\r\n");
                }

                Write("\r\n");
                wire.Write(body);
                break;
            case Framing.Truncated:
                Write($"Content-Length: {body.Length + 1 + (body.Length / 2)}\r\n\r\n");
                wire.Write(body);
                break;
            case Framing.Chunked:
                Write("Transfer-Encoding: chunked\r\n\r\n");
                foreach (var piece in body.Chunk(Math.Max(1, body.Length / 3)))
                {
                    Write($"{piece.Length:x}\r\n");
                    wire.Write(piece);
                    Write("\r\n");
                }

                Write("0\r\n\r\n");
                break;
            case Framing.ChunkedGarbage:
                Write("Transfer-Encoding: chunked\r\n\r\n");
                Write(request.ChunkedGarbage);
                wire.Write(body);
                Write("\r\n0\r\n\r\n");
                break;
            case Framing.LengthAndChunked:
                Write($"Content-Length: {body.Length + 7}\r\nTransfer-Encoding: chunked\r\n\r\n{body.Length:x}\r\n");
                wire.Write(body);
                Write("\r\n0\r\n\r\n");
                break;
        }

        return wire.ToArray();
    }

    private static IPAddress NextSource()
    {
        var n = Interlocked.Increment(ref nextSource);
        return new IPAddress([127, (byte)(1 + ((n >> 16) % 200)), (byte)((n >> 8) & 0xff), (byte)(1 + ((n & 0xff) % 254))]);
    }

    private static RawAnswer? Parse(byte[] received, TimeSpan elapsed)
    {
        var end = received.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return null;
        }

        var head = Encoding.Latin1.GetString(received, 0, end).Split("\r\n");
        var status = head[0].Split(' ', 3) is [_, var code, ..] && int.TryParse(code, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 0;
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }

        var body = received[(end + 4)..];
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return new RawAnswer(status, headers, body, elapsed);
    }

    private static byte[] Dechunk(byte[] body)
    {
        var output = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var line = body.AsSpan(at).IndexOf("\r\n"u8);
            if (line <= 0 || !int.TryParse(Encoding.ASCII.GetString(body, at, line).Split(';')[0], System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }

            at += line + 2;
            output.Write(body, at, Math.Min(size, body.Length - at));
            at += size + 2;
        }

        return output.ToArray();
    }
}
