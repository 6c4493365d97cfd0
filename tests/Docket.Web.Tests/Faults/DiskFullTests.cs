using System.Net;
using Docket.Store;
using Docket.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Docket.Web.Tests.Faults;

/// <summary>
/// A SQLite database on a 4 MiB tmpfs that is then filled to the brim: every write and every
/// read (which must log itself) is a 503 naming the full disk, /healthz is unhealthy, nothing is
/// half-written, and once the space is freed the same server serves again, without a restart.
/// </summary>
public sealed class DiskFullTests
{
    [Fact]
    public async Task Bug_a_full_disk_was_a_generic_500_and_healthy_and_is_a_503_naming_it_until_space_is_freed()
    {
        using var disk = Tmpfs.Mount("4m");
        var target = DatabaseTarget.Parse("sqlite:" + Path.Combine(disk.Folder, "docket.db"));
        try
        {
            await using var host = await FaultHost.StartAsync(target, Path.Combine(disk.Folder, "key.pem"));
            var digits = host.NewANumber();
            var opened = await host.AsOfficer.OpenAsync(digits);
            Assert.Equal(HttpStatusCode.OK, (await host.HealthAsync()).Code);

            var ballast = disk.Fill();

            using (var append = await host.AsOfficer.PostEventRawAsync(digits, Bodies.AddressChange("12 Larkspur Row"), $"\"{opened.Version}\""))
            {
                var problem = await Unavailable.AssertAsync(append, "disk-full");
                Assert.Contains("The database disk is full", problem.Text("detail"), StringComparison.Ordinal);
            }

            using (var open = await host.AsOfficer.OpenRawAsync(Bodies.Opening(host.NewANumber())))
            {
                await Unavailable.AssertAsync(open, "disk-full");
            }

            // The read itself would work; its access-log entry cannot be written, so it is not served.
            using (var read = await host.AsOfficer.GetRawAsync(digits))
            {
                await Unavailable.AssertAsync(read, "disk-full");
            }

            var (code, status, body) = await host.HealthAsync();
            Assert.True(code == HttpStatusCode.ServiceUnavailable && status == "unhealthy", body);
            Assert.Contains("disk is full", body, StringComparison.Ordinal);

            File.Delete(ballast);

            (code, status, body) = await host.HealthAsync();
            Assert.True(code == HttpStatusCode.OK && status == "healthy", body);
            var read2 = await host.AsOfficer.GetAsync(digits);
            Assert.Equal(opened.Version, read2.Version);
            Assert.Equal(opened.Version + 1, await host.AsOfficer.AppendAsync(digits, opened.Version, Bodies.AddressChange("12 Larkspur Row")));
            await host.AsOfficer.OpenAsync(host.NewANumber());
        }
        finally
        {
            using var connection = new SqliteConnection(target.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
