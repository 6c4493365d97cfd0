using System.Diagnostics;
using System.Net.Sockets;

namespace Docket.Bench;

/// <summary>
/// Start-up as a user meets it: whole processes, the median of several runs, against the floor
/// of `dotnet` starting a program that does nothing (bench/Docket.Bench.Floor), and `docket
/// serve` until its first healthy answer.
/// </summary>
internal static class StartUp
{
    private const int Runs = 7;

    public static async Task<TimeSpan> MedianAsync(string dll, params string[] args)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < Runs; i++)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(dll);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
            var drain = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(Stream.Null), process.StandardError.ReadToEndAsync());
            await process.WaitForExitAsync();
            watch.Stop();
            await drain;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{Path.GetFileName(dll)} {string.Join(' ', args)} exited {process.ExitCode}");
            }

            times.Add(watch.Elapsed);
        }

        return Median(times);
    }

    /// <summary>From starting `docket serve` to the first 200 of GET /healthz (polled every 5 ms), the median of several starts.</summary>
    public static async Task<TimeSpan> ServeHealthyAsync(string docket, string db, string key)
    {
        var times = new List<TimeSpan>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < Runs; i++)
        {
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { docket, "serve", "--db", db, "--key", key, "--urls", $"http://127.0.0.1:{port}" })
            {
                info.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start docket serve");
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
            try
            {
                while (true)
                {
                    if (process.HasExited)
                    {
                        throw new InvalidOperationException($"docket serve exited {process.ExitCode} before it was healthy");
                    }

                    if (watch.Elapsed > TimeSpan.FromSeconds(60))
                    {
                        throw new TimeoutException("docket serve was not healthy within 60 s");
                    }

                    try
                    {
                        using var answer = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                        if (answer.IsSuccessStatusCode)
                        {
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }
                    catch (TaskCanceledException)
                    {
                        // One poll waited past the client's 2 s (a loaded machine): poll again, until the 60 s above.
                    }

                    await Task.Delay(5);
                }

                times.Add(watch.Elapsed);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        return Median(times);
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
