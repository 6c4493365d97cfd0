using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Docket.Store;
using Npgsql;

namespace Docket.Web.Tests.Faults;

/// <summary>
/// A PostgreSQL server of the test's own, in a temporary folder on 127.0.0.1 and a free port
/// (as scripts/throwaway-postgres.sh starts one: initdb and pg_ctl as the postgres user when the
/// tests run as root), so that the test can stop and start it without disturbing the shared
/// server every other test uses. A machine without the server programs fails the test, saying so.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly string bin;
    private readonly string folder;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        this.bin = bin;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public DatabaseTarget Target => DatabaseTarget.Parse($"postgres:Host=127.0.0.1;Port={Port};Username=postgres;Database=docket_fault;Timeout=5");

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL's server programs (initdb, pg_ctl) are not installed, so the outage test cannot start a server to stop: install postgresql (./run-tests does).");
        var folder = Directory.CreateTempSubdirectory("docket-fault-pg-").FullName;
        if (Environment.UserName == "root")
        {
            Must(RunIn("/", "chown", ["postgres", folder]), "chown the server's folder to postgres");
        }

        var server = new ThrowawayPostgres(bin, folder, FreePort());
        Must(server.AsPostgres("initdb", "-D", server.Data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"), "initdb");
        server.Start();
        await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={server.Port};Username=postgres;Database=postgres"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE DATABASE docket_fault";
            await command.ExecuteNonQueryAsync();
        }

        return server;
    }

    private string Data => Path.Combine(folder, "data");

    public void Start() => Must(AsPostgres(
        "pg_ctl", "-D", Data, "-l", Path.Combine(folder, "log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {folder} -c fsync=off -c synchronous_commit=off", "start"), "pg_ctl start");

    /// <summary>A fast shutdown: connections are cut, the server refuses new ones.</summary>
    public void Stop() => Must(AsPostgres("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop"), "pg_ctl stop");

    public void Dispose()
    {
        AsPostgres("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        Directory.Delete(folder, recursive: true);
    }

    private (int Code, string Output) AsPostgres(string program, params string[] args) =>
        Environment.UserName == "root"
            ? RunIn(folder, "runuser", ["-u", "postgres", "--", Path.Combine(bin, program), .. args])
            : RunIn(folder, Path.Combine(bin, program), args);

    private static void Must((int Code, string Output) run, string what) =>
        Assert.True(run.Code == 0, $"{what} failed (exit {run.Code}): {run.Output.Trim()}");

    private static string? FindBin()
    {
        var dirs = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderDescending(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return path.Concat(dirs).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int Code, string Output) RunIn(string directory, string program, string[] args)
    {
        var info = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
