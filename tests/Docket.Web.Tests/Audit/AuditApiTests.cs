using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Docket.Domain.Audit;
using Docket.Store.Audit;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Audit;

/// <summary>
/// The audit API on the real server: the public key for everyone, checkpoints, proofs and the
/// verification report for auditors and supervisors only, and proofs a careful client checks
/// against a checkpoint it verified with the key, never a root the server hands over.
/// </summary>
public abstract class AuditApiTests(AuditServer server)
{
    private async Task<JsonElement> GetAsync(string path, string? token = null)
    {
        using var response = await server.As(token ?? server.AuditorToken).SendAsync(HttpMethod.Get, path);
        return await Json.ReadAsync(response, HttpStatusCode.OK);
    }

    private async Task<ECDsa> InstanceKeyAsync()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(await server.Http.GetStringAsync("/api/audit/key"));
        return key;
    }

    private async Task<SignedCheckpoint> IssueAsync(string? token = null)
    {
        using var response = await server.As(token ?? server.AuditorToken).SendAsync(HttpMethod.Post, "/api/audit/checkpoints");
        return CheckpointJson.Parse((await Json.ReadAsync(response, HttpStatusCode.Created)).GetRawText());
    }

    private async Task<string> OpenCaseAsync() => (await server.As(server.OfficerToken).OpenAsync(server.NewANumber())).ANumber;

    private static List<byte[]> Hashes(JsonElement array) => array.EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToList();

    [Fact]
    public async Task The_public_key_is_served_to_anyone_as_PEM_and_is_the_instance_key()
    {
        using var response = await server.Http.GetAsync("/api/audit/key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-pem-file", response.Content.Headers.ContentType?.MediaType);
        var pem = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);
        using var fromFile = CheckpointKeyFile.LoadPublic(server.KeyPath);
        Assert.Equal(CheckpointKeyFile.PublicPem(fromFile), pem);
    }

    [Theory]
    [InlineData("GET", "/api/audit/checkpoints")]
    [InlineData("POST", "/api/audit/checkpoints")]
    [InlineData("GET", "/api/audit/verify")]
    [InlineData("GET", "/api/audit/proof/consistency?from=1")]
    public async Task Only_auditors_and_supervisors_reach_the_audit_api(string method, string path)
    {
        using var anonymous = await server.As(null).SendAsync(new HttpMethod(method), path);
        using var officer = await server.As(server.OfficerToken).SendAsync(new HttpMethod(method), path);
        using var attorney = await server.As(server.AttorneyToken).SendAsync(new HttpMethod(method), path);
        using var supervisor = await server.As(server.SupervisorToken).SendAsync(new HttpMethod(method), path);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, attorney.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, supervisor.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, supervisor.StatusCode);
    }

    [Fact]
    public async Task An_issued_checkpoint_is_signed_by_the_served_key_and_listed()
    {
        await OpenCaseAsync();

        var head = await IssueAsync(server.SupervisorToken);

        using var key = await InstanceKeyAsync();
        Assert.True(head.IsSignedBy(key));
        var latest = await GetAsync("/api/audit/checkpoints/latest");
        Assert.Equal(head.Signature, latest.GetProperty("signature").GetString());
        var listed = await GetAsync("/api/audit/checkpoints?limit=1000");
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("signature").GetString() == head.Signature);
        var one = await GetAsync($"/api/audit/checkpoints/{latest.GetProperty("id").GetInt64()}");
        Assert.Equal(head.TreeSize, one.GetProperty("treeSize").GetInt64());
    }

    [Fact]
    public async Task An_inclusion_proof_checks_out_against_the_checkpoint_the_client_verified_and_carries_no_root()
    {
        var aNumber = await OpenCaseAsync();
        await server.As(server.OfficerToken).AppendAsync(aNumber, 1, Bodies.AddressChange("14 Larkspur Row, Fernhollow"));
        await IssueAsync();
        using var key = await InstanceKeyAsync();
        var client = new TrustedHead(key);
        Assert.True(client.TryAdvance(CheckpointJson.Parse((await GetAsync("/api/audit/checkpoints/latest")).GetRawText()), []));

        var proof = await GetAsync($"/api/audit/proof/inclusion?aNumber={aNumber}&version=2");

        Assert.False(proof.TryGetProperty("rootHash", out _));
        Assert.Equal(client.Current!.TreeSize, proof.GetProperty("treeSize").GetInt64());
        var eventHash = Convert.FromHexString(proof.GetProperty("eventHash").GetString()!);
        var leafIndex = proof.GetProperty("leafIndex").GetInt64();
        Assert.True(client.Includes(leafIndex, eventHash, Hashes(proof.GetProperty("auditPath"))));
        Assert.False(client.Includes(leafIndex, SHA256.HashData("another event"u8), Hashes(proof.GetProperty("auditPath"))));
    }

    [Fact]
    public async Task A_consistency_proof_lets_the_client_move_from_an_old_head_to_a_new_one()
    {
        await OpenCaseAsync();
        var old = await IssueAsync();
        await OpenCaseAsync();
        await OpenCaseAsync();
        var current = await IssueAsync();
        using var key = await InstanceKeyAsync();
        var client = new TrustedHead(key);
        Assert.True(client.TryAdvance(old, []));

        var proof = await GetAsync($"/api/audit/proof/consistency?from={old.TreeSize}&to={current.TreeSize}");

        Assert.True(client.TryAdvance(current, Hashes(proof.GetProperty("proof"))));
    }

    [Fact]
    public async Task Proof_requests_outside_the_tree_are_problems()
    {
        await OpenCaseAsync();
        await IssueAsync();

        using var unknown = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, "/api/audit/proof/inclusion?aNumber=999999999&version=1");
        using var notANumber = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, "/api/audit/proof/inclusion?aNumber=12&version=1");
        using var tooLarge = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, "/api/audit/proof/consistency?from=1&to=100000");
        using var zero = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, "/api/audit/proof/consistency?from=0");

        await Json.ProblemAsync(unknown, HttpStatusCode.NotFound);
        await Json.ProblemAsync(notANumber, HttpStatusCode.BadRequest);
        await Json.ProblemAsync(tooLarge, HttpStatusCode.BadRequest);
        await Json.ProblemAsync(zero, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_verification_report_says_intact_for_an_untouched_log()
    {
        await OpenCaseAsync();
        await IssueAsync();

        var report = await GetAsync("/api/audit/verify", server.SupervisorToken);

        Assert.True(report.GetProperty("intact").GetBoolean(), report.GetRawText());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("firstBad").ValueKind);
        Assert.True(report.GetProperty("checkpointsChecked").GetInt32() >= 1);
        Assert.Equal(report.GetProperty("treeSize").GetInt64(), report.GetProperty("eventsChecked").GetInt64());
    }
}

public sealed class AuditApiOnSqlite(OnDemandSqliteServer server) : AuditApiTests(server), IClassFixture<OnDemandSqliteServer>;

public sealed class AuditApiOnPostgres(OnDemandPostgresServer server) : AuditApiTests(server), IClassFixture<OnDemandPostgresServer>;
