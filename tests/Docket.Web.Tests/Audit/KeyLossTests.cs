using Docket.Store.Audit;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Audit;

/// <summary>A host whose signing key was lost refuses to start, saying why; it never makes a new one.</summary>
public sealed class KeyLossTests(OnDemandSqliteServer server) : IClassFixture<OnDemandSqliteServer>
{
    [Fact]
    public async Task A_host_whose_key_file_is_gone_while_checkpoints_exist_does_not_start()
    {
        await server.As(server.OfficerToken).OpenAsync(server.NewANumber());
        using (var response = await server.As(server.AuditorToken).SendAsync(HttpMethod.Post, "/api/audit/checkpoints"))
        {
            await Json.ReadAsync(response, System.Net.HttpStatusCode.Created);
        }

        var missing = Path.Combine(Path.GetDirectoryName(server.KeyPath)!, "elsewhere.pem");
        await using var app = await DocketWebApp.CreateAsync(server.Options(missing));

        var error = await Assert.ThrowsAsync<CheckpointKeyException>(() => app.StartAsync());

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
}
