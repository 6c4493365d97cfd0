using System.Net;
using System.Net.Sockets;
using Docket.Cli.Tests.Infrastructure;

namespace Docket.Cli.Tests.Databases;

/// <summary>
/// <c>docket serve</c> on a port already taken used to create and migrate the database first and
/// then fail in Kestrel; it now says so in one line, exit 2, before touching any database.
/// </summary>
public abstract class ServeOnABusyPortTests(DatabaseKind kind)
{
    [Fact]
    public async Task ServeOnAPortInUseExits2WithOneLineAndCreatesNoDatabase()
    {
        await using var missing = MissingDatabase.Create(kind);
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

            var run = await Shell.RunAsync("serve", "--urls", url, "--db", missing.DbArgument);

            Assert.Equal($"docket: cannot listen on {url}: the address is already in use", Shell.AssertFailedWithOneLine(run));
            Assert.Empty(run.Stdout);
            await missing.AssertNothingCreatedAsync();
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task ServeOnAnAddressThatIsNotAUrlExits2WithOneLineAndCreatesNoDatabase()
    {
        await using var missing = MissingDatabase.Create(kind);

        var run = await Shell.RunAsync("serve", "--urls", "port-5080", "--db", missing.DbArgument);

        Assert.StartsWith("docket: cannot listen on port-5080: ", Shell.AssertFailedWithOneLine(run), StringComparison.Ordinal);
        await missing.AssertNothingCreatedAsync();
    }
}

public sealed class ServeOnABusyPortOnSqlite() : ServeOnABusyPortTests(DatabaseKind.Sqlite);

public sealed class ServeOnABusyPortOnPostgres() : ServeOnABusyPortTests(DatabaseKind.Postgres);
