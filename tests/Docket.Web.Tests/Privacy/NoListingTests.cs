using System.Net;
using System.Text.Json;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Privacy;

/// <summary>
/// Nothing in the API lists people by a category. Every query parameter any endpoint accepts is
/// on a short list of identity, paging, date and audit filters; a parameter like
/// <c>?citizenship=</c>, <c>?stage=</c> or <c>?office=</c> on any endpoint fails this test,
/// so it cannot arrive without a decision about it.
/// </summary>
public sealed class NoListingTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    /// <summary>
    /// The query parameters Docket has, and why each cannot list people by category:
    /// identity (aNumber, familyName, dateOfBirth) inside one's caseload; paging (page, pageSize,
    /// after, afterId, limit); dates (from, to, on) of one's own caseload or one case; `to` is
    /// also the destination country of ONE case's removal check; audit-log filters (user,
    /// breakGlass, outcome) for auditors; proofs (version, treeSize, from, to) about events;
    /// statistics (by, release): which aggregate table of which release, counts only, small
    /// cells withheld, never a person; My work's own caseload: kind (which kind of legal deadline,
    /// e.g. the appeal window, among the caller's caseload's running deadlines, each case listed
    /// logged) and days (how long nothing was recorded: 180, 365 or 730); reviewed (break-glass
    /// reads awaiting review, or reviewed), for auditors and supervisors.
    /// </summary>
    private static readonly HashSet<string> Allowed =
    [
        "aNumber", "familyName", "dateOfBirth",
        "page", "pageSize", "after", "afterId", "limit",
        "from", "to", "on",
        "user", "breakGlass", "outcome",
        "version", "treeSize",
        "by", "release",
        "kind", "days",
        "reviewed",
    ];

    /// <summary>
    /// Parameters allowed on one operation only. office on the access log (auditors): the office of
    /// the staff member who read, never a person's place; it finds reads, not people.
    /// </summary>
    private static readonly HashSet<(string Operation, string Name)> AllowedOn =
    [
        ("GET /api/audit/access", "office"),
        ("GET /api/audit/access.csv", "office"),
    ];

    [Fact]
    public async Task No_endpoint_takes_a_query_parameter_outside_the_identity_paging_date_and_audit_filters()
    {
        using var response = await server.As(null).SendAsync(HttpMethod.Get, "/openapi/v1.json");
        var document = await Json.ReadAsync(response, HttpStatusCode.OK);

        var parameters = new List<(string Operation, string Name)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("parameters", out _)))
            {
                parameters.AddRange(operation.Value.GetProperty("parameters").EnumerateArray()
                    .Where(p => p.Text("in") == "query")
                    .Select(p => ($"{operation.Name.ToUpperInvariant()} {path.Name}", p.Text("name"))));
            }
        }

        Assert.Contains(parameters, p => p.Name == "familyName");
        var unexpected = parameters.Where(p => !Allowed.Contains(p.Name) && !AllowedOn.Contains(p)).Select(p => $"{p.Operation} ?{p.Name}=").ToList();
        Assert.True(unexpected.Count == 0, "Query parameters that could list people by a category (decide, then add them to the list with why):\n" + string.Join("\n", unexpected));
    }

    [Fact]
    public async Task The_only_endpoints_that_return_several_cases_are_the_callers_search_and_hearings()
    {
        using var response = await server.As(null).SendAsync(HttpMethod.Get, "/openapi/v1.json");
        var document = await Json.ReadAsync(response, HttpStatusCode.OK);

        // A body with a list of cases (CasePage) comes only from the two caseload-bound endpoints.
        var listing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _)))
            {
                if (operation.Value.GetProperty("responses").ToString().Contains("CasePage", StringComparison.Ordinal))
                {
                    listing.Add($"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}");
                }
            }
        }

        // GET /api/caseload/idle: the caller's own caseload's cases where nothing happened (My work).
        Assert.Equal(["GET /api/caseload/hearings", "GET /api/caseload/idle", "GET /api/cases"], listing.Order(StringComparer.Ordinal));
    }
}
