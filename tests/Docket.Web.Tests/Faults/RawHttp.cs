using System.Net.Sockets;
using System.Text;

namespace Docket.Web.Tests.Faults;

/// <summary>What the server answered to a hand-written request, and how much of the body it took.</summary>
public sealed record RawAnswer(int Status, string Head, string Body, long BytesSent);

/// <summary>
/// HTTP/1.1 written by hand on a socket, for what HttpClient will not send: broken chunked
/// framing, a body that stops arriving, a chunked body that goes on and on.
/// </summary>
public static class RawHttp
{
    public static string Head(string path, string? token, string framing = "Transfer-Encoding: chunked") =>
        $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{(token is null ? "" : $"Authorization: Bearer {token}\r\n")}Content-Type: application/json\r\n{framing}\r\n\r\n";

    /// <summary>Sends <paramref name="request"/> as it is and reads the answer (the server closes the connection, or it ends).</summary>
    public static async Task<RawAnswer> SendAsync(Uri server, string request, TimeSpan timeout)
    {
        using var client = await ConnectAsync(server);
        var stream = client.GetStream();
        var bytes = Encoding.UTF8.GetBytes(request);
        await stream.WriteAsync(bytes);
        return await ReadAnswerAsync(stream, bytes.Length, timeout);
    }

    /// <summary>
    /// Sends a chunked body of up to <paramref name="maxBytes"/> in 64 KiB chunks, stopping when
    /// the server answers or closes the connection, or (<paramref name="untilAnswered"/> false)
    /// only when it closes it: the bytes it took are what <see cref="RawAnswer.BytesSent"/> counts.
    /// </summary>
    public static async Task<RawAnswer> SendChunkedAsync(Uri server, string head, long maxBytes, bool untilAnswered, TimeSpan timeout)
    {
        using var client = await ConnectAsync(server);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var answer = ReadAnswerAsync(stream, 0, timeout);
        var chunk = Encoding.ASCII.GetBytes($"{64 * 1024:x}\r\n{new string('"', 1)}{new string('x', 64 * 1024 - 1)}\r\n");
        long sent = 0;
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (sent < maxBytes && !(untilAnswered && answer.IsCompleted))
            {
                await stream.WriteAsync(chunk, deadline.Token);
                sent += 64 * 1024;
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // The server closed the connection: it stopped reading.
        }

        return (await answer) with { BytesSent = sent };
    }

    private static async Task<TcpClient> ConnectAsync(Uri server)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(server.Host, server.Port);
        return client;
    }

    private static async Task<RawAnswer> ReadAnswerAsync(NetworkStream stream, long sent, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var text = Encoding.UTF8.GetString(received.ToArray());
                var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0 && Complete(text[..end], text[(end + 4)..]))
                {
                    break;
                }

                var read = await stream.ReadAsync(buffer, deadline.Token);
                if (read == 0)
                {
                    break;
                }

                received.Write(buffer, 0, read);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            // Reset after the answer: what arrived is the answer.
        }

        var all = Encoding.UTF8.GetString(received.ToArray());
        var split = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"no HTTP answer arrived: '{all}'");
        var head = all[..split];
        var status = int.Parse(head.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return new RawAnswer(status, head, Dechunk(head, all[(split + 4)..]), sent);
    }

    private static bool Complete(string head, string body) =>
        head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)
            ? body.EndsWith("0\r\n\r\n", StringComparison.Ordinal)
            : head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } length
                && Encoding.UTF8.GetByteCount(body) >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string Dechunk(string head, string body)
    {
        if (!head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        var text = new StringBuilder();
        var rest = body;
        while (rest.IndexOf("\r\n", StringComparison.Ordinal) is var line and > 0
            && int.TryParse(rest[..line], System.Globalization.NumberStyles.HexNumber, null, out var size) && size > 0)
        {
            text.Append(rest.AsSpan(line + 2, size));
            rest = rest[(line + 2 + size + 2)..];
        }

        return text.ToString();
    }
}
