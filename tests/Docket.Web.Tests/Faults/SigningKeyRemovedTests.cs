using System.Net;
using Docket.Store;
using Docket.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Docket.Web.Tests.Faults;

/// <summary>
/// The signing key file is removed while the server runs. Signing with the copy in memory would
/// look fine until the next restart, which would then refuse to start (the checkpoints issued
/// meanwhile would be signed by a key nobody has): so issuing answers a clear 503 and signs
/// nothing, /healthz says degraded, and the event log stays writable (a checkpoint later covers
/// every event recorded meanwhile). Restoring the file recovers, without a restart.
/// </summary>
public sealed class SigningKeyRemovedTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("docket-fault-key-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_removed_signing_key_refuses_checkpoints_with_a_503_keeps_the_log_writable_and_restoring_it_recovers()
    {
        var target = DatabaseTarget.Parse("sqlite:" + Path.Combine(folder, "docket.db"));
        var keyPath = Path.Combine(folder, "key.pem");
        var aside = Path.Combine(folder, "key.pem.aside");
        try
        {
            await using var host = await FaultHost.StartAsync(target, keyPath);
            var auditor = host.As(host.AuditorToken);
            var digits = host.NewANumber();
            var opened = await host.AsOfficer.OpenAsync(digits);
            using (var first = await auditor.SendAsync(HttpMethod.Post, "/api/audit/checkpoints"))
            {
                await Json.ReadAsync(first, HttpStatusCode.Created);
            }

            File.Move(keyPath, aside);

            using (var refused = await auditor.SendAsync(HttpMethod.Post, "/api/audit/checkpoints"))
            {
                var problem = await Json.ProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
                Assert.Equal("signing-key-unavailable", problem.Text("cause"));
                Assert.Contains(keyPath, problem.Text("detail"), StringComparison.Ordinal);
                Assert.Contains("Nothing was signed", problem.Text("detail"), StringComparison.Ordinal);
                Assert.NotNull(refused.Headers.RetryAfter?.Delta);
            }

            var (code, status, body) = await host.HealthAsync();
            Assert.True(code == HttpStatusCode.OK && status == "degraded", body);
            Assert.Contains("checkpoint-key", body, StringComparison.Ordinal);

            // Recording goes on: the log is still tamper-evident by its chains and tree.
            var version = await host.AsOfficer.AppendAsync(digits, opened.Version, Bodies.AddressChange("8 Tamarack Court"));
            using (var latest = await auditor.SendAsync(HttpMethod.Get, "/api/audit/checkpoints/latest"))
            {
                Assert.Equal(1, (await Json.ReadAsync(latest, HttpStatusCode.OK)).GetProperty("treeSize").GetInt64());
            }

            File.Move(aside, keyPath);

            using (var issued = await auditor.SendAsync(HttpMethod.Post, "/api/audit/checkpoints"))
            {
                Assert.Equal(version, (await Json.ReadAsync(issued, HttpStatusCode.Created)).GetProperty("treeSize").GetInt64());
            }

            Assert.Equal("healthy", (await host.HealthAsync()).Status);
            using var verify = await auditor.SendAsync(HttpMethod.Get, "/api/audit/verify");
            Assert.True((await Json.ReadAsync(verify, HttpStatusCode.OK)).GetProperty("intact").GetBoolean());
        }
        finally
        {
            using var connection = new SqliteConnection(target.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
