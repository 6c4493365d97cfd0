using System.Net;
using Docket.Store;
using Docket.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Docket.Web.Tests.Faults;

/// <summary>
/// The file system under a SQLite database turns read-only while the server runs (a read-only
/// remount: the tests run as root, for whom a chmod 0444 file is still writable): writes and
/// reads (which must log themselves) are 503 naming the cause, never 500; made writable again,
/// the same server serves again.
/// </summary>
public sealed class ReadOnlyDatabaseTests
{
    [Fact]
    public async Task Bug_a_read_only_database_was_a_500_and_is_a_503_naming_it_until_it_is_writable_again()
    {
        using var disk = Tmpfs.Mount("16m");
        var target = DatabaseTarget.Parse("sqlite:" + Path.Combine(disk.Folder, "docket.db"));
        using var pool = new SqliteConnection(target.ConnectionString);
        try
        {
            await using var host = await FaultHost.StartAsync(target, Path.Combine(disk.Folder, "key.pem"));
            var digits = host.NewANumber();
            var opened = await host.AsOfficer.OpenAsync(digits);

            // A file open for writing keeps a remount read-write; the idle pooled connections are
            // the server's only open files, so close them (the server opens new ones as it needs).
            var deadline = DateTime.UtcNow.AddSeconds(10);
            do
            {
                SqliteConnection.ClearPool(pool);
                await Task.Delay(100);
            }
            while (!disk.TryRemountReadOnly() && DateTime.UtcNow < deadline);
            Assert.Throws<IOException>(() => File.WriteAllText(Path.Combine(disk.Folder, "probe"), "x"));

            using (var append = await host.AsOfficer.PostEventRawAsync(digits, Bodies.AddressChange("3 Quarry Lane"), $"\"{opened.Version}\""))
            {
                await Unavailable.AssertAsync(append, "read-only", "cannot-open");
            }

            using (var read = await host.AsOfficer.GetRawAsync(digits))
            {
                await Unavailable.AssertAsync(read, "read-only", "cannot-open");
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.HealthAsync()).Code);

            // The server forgets connections opened while the file was read-only: no clearing here.
            disk.Remount(readOnly: false);

            Assert.Equal(opened.Version, (await host.AsOfficer.GetAsync(digits)).Version);
            Assert.Equal(opened.Version + 1, await host.AsOfficer.AppendAsync(digits, opened.Version, Bodies.AddressChange("3 Quarry Lane")));
            Assert.Equal(HttpStatusCode.OK, (await host.HealthAsync()).Code);
        }
        finally
        {
            SqliteConnection.ClearPool(pool);
        }
    }
}
