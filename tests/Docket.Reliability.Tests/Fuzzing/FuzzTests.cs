using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Docket.Reliability.Tests.Reporting;
using Docket.Store.Audit;
using Xunit.Abstractions;

namespace Docket.Reliability.Tests.Fuzzing;

/// <summary>The fuzzer's server, started once per database for all its families.</summary>
public abstract class FuzzServer(DatabaseKind kind) : IAsyncLifetime
{
    public FuzzContext Context { get; private set; } = null!;

    public async Task InitializeAsync() => Context = await FuzzContext.StartAsync(kind);

    public async Task DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.DisposeAsync();
        }
    }
}

public sealed class SqliteFuzzServer() : FuzzServer(DatabaseKind.Sqlite);

public sealed class PostgresFuzzServer() : FuzzServer(DatabaseKind.Postgres);

/// <summary>
/// Generated hostile requests, DOCKET_FUZZ_REQUESTS of them for each endpoint family, against
/// the real server: no answer is a server error (a 503 for an unavailable database aside),
/// every refusal is a problem-details body, no refused request leaves anything in the log,
/// every acknowledged write is there, and the whole log verifies afterwards.
/// </summary>
public abstract class FuzzTests(FuzzServer server, ITestOutputHelper output)
{
    public static TheoryData<string> FamilyNames => [.. Families.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(FamilyNames))]
    public async Task Hostile_requests_get_no_server_error_a_problem_for_every_refusal_and_leave_no_partial_write(string family)
    {
        var context = server.Context;
        var seed = ReliabilitySettings.FuzzSeed + (ulong)Families.All.ToList().FindIndex(f => f.Name == family);
        var result = await FuzzRun.RunAsync(context, Families.Named(family), ReliabilitySettings.FuzzRequests, seed);
        var report = await VerifyAsync(context);
        var file = ResultFile.Write($"fuzz-{result.Database.ToLowerInvariant()}-{family}", new { result, verify = report });

        output.WriteLine($"{family} on {result.Database}: {result.Requests} requests in {result.Seconds} s, statuses {string.Join(" ", result.Statuses.Select(s => $"{s.Key}x{s.Value}"))}; results in {file}");
        Assert.True(result.Requests == ReliabilitySettings.FuzzRequests, $"{result.Requests} requests were checked of {ReliabilitySettings.FuzzRequests}");
        Assert.True(result.Clean, $"{family} on {result.Database}: {result.ServerErrors} server errors, {result.RefusalsWithoutProblem} refusals without a problem, "
            + $"{result.NoAnswer} without an answer, {result.CutOffAnswers} answers cut off, {result.PartialWrites} partial writes, {result.AcknowledgedLost} acknowledged events lost:\n\n" + string.Join("\n\n", result.Failures));
        Assert.True(report.Intact, "the log does not verify after fuzzing: " + string.Join("; ", report.Findings));
    }

    /// <summary>What <c>docket verify</c> checks (the same verifier), over the server's database, with the server's key, plus GET /api/audit/verify.</summary>
    private static async Task<VerifyFigures> VerifyAsync(FuzzContext context)
    {
        var report = await new AuditVerifier(new Docket.Store.DocketDatabase(context.Server.Target)).VerifyAsync(trustedKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/audit/verify");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.Token("auditor"));
        using var response = await context.Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var intactWithKey = api.RootElement.GetProperty("intact").GetBoolean();
        return new VerifyFigures(report.Intact && intactWithKey, report.EventsChecked, report.CasesChecked, [.. report.Findings.Select(f => f.Message)]);
    }

    public sealed record VerifyFigures(bool Intact, long EventsChecked, int CasesChecked, IReadOnlyList<string> Findings);
}

public sealed class SqliteFuzzTests(SqliteFuzzServer server, ITestOutputHelper output) : FuzzTests(server, output), IClassFixture<SqliteFuzzServer>;

public sealed class PostgresFuzzTests(PostgresFuzzServer server, ITestOutputHelper output) : FuzzTests(server, output), IClassFixture<PostgresFuzzServer>;
