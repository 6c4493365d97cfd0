using System.Net.Http.Headers;
using System.Text;
using Docket.Store.Cases;
using Docket.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.Authorization;

/// <summary>
/// Every endpoint the running app maps, called by every kind of caller, against one NYC case
/// whose attorney of record is <see cref="DocketServer.AttorneyBarNumber"/>. The expected
/// status of each call is written out in <see cref="Table"/>. The set of rows must equal the
/// set of endpoints: an endpoint added without a row (or a row left for a removed endpoint)
/// fails the test, so nobody adds a route without deciding who may call it.
/// </summary>
public abstract class AuthorizationMatrix(DocketServer server)
{
    // The person of the matrix's case. Callers with no relationship to the case ("strangers")
    // must never see any of these in any response, whatever its status.
    private const string FamilyName = "Marchetti-Oyelaran";
    private const string GivenNames = "Ysolde Perpetua";
    private const string DateOfBirth = "1987-03-14";

    // Columns:
    //   anon    no Authorization header (the public)
    //   off     officer of NYC (the case's office)
    //   offLAX  officer of LAX (another office)
    //   sup     supervisor of NYC
    //   supLAX  supervisor of LAX (may break glass, but sends no X-Access-Reason here)
    //   atty    attorney of record on the case (bar number entered by AttorneyEntered)
    //   atty2   an attorney who represents someone else
    //   audit   auditor
    //   self    the person, signed in to self-service for this case
    //
    // Every call is well formed, so the status says only who may do it: 200/201 done,
    // 302 redirect, 401 no credentials, 403 the role may not, 404 the case is not in the
    // caller's caseload (the same answer as for a case that does not exist).
    //
    // The staff pages (the rows without /api) are called by the same people signed in to the
    // pages with their password and code (a cookie), each POST with the form's antiforgery
    // token; "anon" and "self" have no page session. A page that needs a session sends them to
    // the sign-in form (302). A bearer token never opens a page (PageTokenTests).
    private const string Table = """
        endpoint                                  | anon | off | offLAX | sup | supLAX | atty | atty2 | audit | self
        GET  /                                    | 200  | 302 | 302    | 302 | 302    | 302  | 302   | 302   | 200
        POST /sign-in                             | 401  | 401 | 401    | 401 | 401    | 401  | 401   | 401   | 401
        POST /sign-out                            | 302  | 302 | 302    | 302 | 302    | 302  | 302   | 302   | 302
        GET  /setup/{token}                       | 404  | 404 | 404    | 404 | 404    | 404  | 404   | 404   | 404
        POST /setup/{token}                       | 404  | 404 | 404    | 404 | 404    | 404  | 404   | 404   | 404
        GET  /work                                | 302  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 302
        GET  /rules                               | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /statistics                          | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /statistics/departures.csv           | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /statistics/outcomes.csv             | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /cases/find                          | 302  | 302 | 200    | 302 | 200    | 302  | 200   | 200   | 302
        POST /cases/break-glass                   | 302  | 403 | 403    | 200 | 200    | 403  | 403   | 200   | 302
        GET  /cases/{aNumber}                     | 302  | 200 | 404    | 200 | 403    | 200  | 404   | 403   | 302
        GET  /cases/{aNumber}/record              | 302  | 200 | 404    | 200 | 404    | 200  | 404   | 403   | 302
        POST /cases/{aNumber}/record              | 302  | 302 | 404    | 302 | 404    | 302  | 404   | 403   | 302
        GET  /cases/open                          | 302  | 200 | 200    | 200 | 200    | 403  | 403   | 403   | 302
        POST /cases/open                          | 302  | 201 | 403    | 201 | 403    | 403  | 403   | 403   | 302
        GET  /audit/access                        | 302  | 403 | 403    | 403 | 403    | 403  | 403   | 200   | 302
        GET  /audit/access.csv                    | 302  | 403 | 403    | 403 | 403    | 403  | 403   | 200   | 302
        GET  /audit/break-glass                   | 302  | 403 | 403    | 200 | 200    | 403  | 403   | 200   | 302
        POST /audit/break-glass                   | 302  | 403 | 403    | 302 | 302    | 403  | 403   | 302   | 302
        GET  /audit/verify                        | 302  | 403 | 403    | 403 | 403    | 403  | 403   | 200   | 302
        POST /audit/verify                        | 302  | 403 | 403    | 403 | 403    | 403  | 403   | 302   | 302
        *    /healthz                             | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /openapi/{documentName}.json         | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /scalar/{documentName?}              | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /scalar/scalar.js                    | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /scalar/scalar.aspnetcore.js         | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /scalar/favicon.svg                  | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /api/cases/                          | 401  | 200 | 200    | 200 | 200    | 200  | 200   | 403   | 403
        POST /api/cases/                          | 401  | 201 | 403    | 201 | 403    | 403  | 403   | 403   | 403
        GET  /api/cases/{aNumber}                 | 401  | 200 | 404    | 200 | 403    | 200  | 404   | 403   | 403
        POST /api/cases/{aNumber}/events          | 401  | 201 | 404    | 201 | 404    | 201  | 404   | 403   | 403
        GET  /api/cases/{aNumber}/deadlines       | 401  | 200 | 404    | 200 | 403    | 200  | 404   | 403   | 403
        GET  /api/cases/{aNumber}/removal-check   | 401  | 200 | 404    | 200 | 403    | 200  | 404   | 403   | 403
        POST /api/cases/{aNumber}/access-code     | 401  | 201 | 404    | 201 | 404    | 403  | 403   | 403   | 403
        GET  /api/caseload/hearings               | 401  | 200 | 200    | 200 | 200    | 200  | 200   | 403   | 403
        GET  /api/caseload/deadlines              | 401  | 200 | 200    | 200 | 200    | 200  | 200   | 403   | 403
        GET  /api/caseload/idle                   | 401  | 200 | 200    | 200 | 200    | 200  | 200   | 403   | 403
        GET  /api/departures/pending              | 401  | 200 | 200    | 200 | 200    | 403  | 403   | 403   | 403
        POST /api/departures/{aNumber}/verification | 401 | 400 | 404  | 400 | 404    | 403  | 403   | 403   | 403
        POST /api/self-service/session            | 201  | 201 | 201    | 201 | 201    | 201  | 201   | 201   | 201
        GET  /api/self-service/case               | 401  | 403 | 403    | 403 | 403    | 403  | 403   | 403   | 200
        GET  /api/self-service/access             | 401  | 403 | 403    | 403 | 403    | 403  | 403   | 403   | 200
        POST /api/self-service/departure          | 401  | 403 | 403    | 403 | 403    | 403  | 403   | 403   | 201
        POST /api/self-service/address            | 401  | 403 | 403    | 403 | 403    | 403  | 403   | 403   | 201
        GET  /api/audit/access                    | 401  | 403 | 403    | 403 | 403    | 403  | 403   | 200   | 403
        GET  /api/audit/access.csv                | 401  | 403 | 403    | 403 | 403    | 403  | 403   | 200   | 403
        GET  /api/audit/break-glass               | 401  | 403 | 403    | 200 | 200    | 403  | 403   | 200   | 403
        POST /api/audit/break-glass/reviews       | 401  | 403 | 403    | 201 | 201    | 403  | 403   | 201   | 403
        GET  /api/audit/key                       | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /api/audit/checkpoints               | 401  | 403 | 403    | 200 | 200    | 403  | 403   | 200   | 403
        GET  /api/audit/checkpoints/latest        | 401  | 403 | 403    | 200 | 200    | 403  | 403   | 200   | 403
        GET  /api/audit/checkpoints/{id:long}     | 401  | 403 | 403    | 200 | 200    | 403  | 403   | 200   | 403
        POST /api/audit/checkpoints               | 401  | 403 | 403    | 201 | 201    | 403  | 403   | 201   | 403
        GET  /api/audit/proof/inclusion           | 401  | 403 | 403    | 200 | 200    | 403  | 403   | 200   | 403
        GET  /api/audit/proof/consistency         | 401  | 403 | 403    | 200 | 200    | 403  | 403   | 200   | 403
        GET  /api/audit/verify                    | 401  | 403 | 403    | 200 | 200    | 403  | 403   | 200   | 403
        GET  /api/stats/departures                | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /api/stats/outcomes                  | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /api/stats/releases                  | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /my-case/sign-in                     | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        POST /my-case/sign-in                     | 400  | 400 | 400    | 400 | 400    | 400  | 400   | 400   | 400
        POST /my-case/sign-out                    | 400  | 400 | 400    | 400 | 400    | 400  | 400   | 400   | 400
        GET  /my-case/language                    | 302  | 302 | 302    | 302 | 302    | 302  | 302   | 302   | 302
        GET  /my-case/why                         | 200  | 200 | 200    | 200 | 200    | 200  | 200   | 200   | 200
        GET  /my-case/                            | 302  | 302 | 302    | 302 | 302    | 302  | 302   | 302   | 302
        GET  /my-case/reads                       | 302  | 302 | 302    | 302 | 302    | 302  | 302   | 302   | 302
        GET  /my-case/departure                   | 302  | 302 | 302    | 302 | 302    | 302  | 302   | 302   | 302
        POST /my-case/departure                   | 302  | 302 | 302    | 302 | 302    | 302  | 302   | 302   | 302
        GET  /my-case/address                     | 302  | 302 | 302    | 302 | 302    | 302  | 302   | 302   | 302
        POST /my-case/address                     | 302  | 302 | 302    | 302 | 302    | 302  | 302   | 302   | 302
        """;

    /// <summary>Callers with no relationship to the case: nothing of the person may reach them.</summary>
    private static readonly HashSet<string> Strangers = ["anon", "offLAX", "supLAX", "atty2", "audit"];

    /// <summary>Where a stranger states a reason (break-glass) and so may read the person's case, logged and flagged.</summary>
    private static readonly HashSet<(string Endpoint, string Caller)> WithStatedReason = [("POST /cases/break-glass", "supLAX"), ("POST /cases/break-glass", "audit")];

    /// <summary>How each endpoint is called: a well-formed request about the matrix's case.</summary>
    private static readonly Dictionary<string, Func<Context, Task<Call>>> Calls = new()
    {
        ["GET /"] = _ => Page("/"),
        ["POST /sign-in"] = _ => PageForm("/sign-in", ("userName", "nobody-of-this-matrix"), ("password", "not the password of anyone at all"), ("code", "123456")),
        ["POST /sign-out"] = _ => Task.FromResult(new Call(HttpMethod.Post, "/sign-out", null, null) { IsPage = true, Form = [], Fresh = true }),
        ["GET /setup/{token}"] = _ => Page("/setup/dks_notAnIssuedSetupToken"),
        ["POST /setup/{token}"] = _ => PageForm("/setup/dks_notAnIssuedSetupToken", ("password", "a long enough passphrase here"), ("confirmation", "a long enough passphrase here"), ("code", "123456")),
        ["GET /work"] = _ => Page("/work"),
        ["GET /rules"] = _ => Page("/rules"),
        ["GET /statistics"] = _ => Page("/statistics"),
        ["GET /statistics/departures.csv"] = _ => Page("/statistics/departures.csv?by=country&from=2025-05-01&to=2025-05-31"),
        ["GET /statistics/outcomes.csv"] = _ => Page("/statistics/outcomes.csv?by=representation"),
        ["GET /cases/find"] = c => Page($"/cases/find?aNumber={c.ANumber}"),
        ["POST /cases/break-glass"] = c => PageForm("/cases/break-glass", ("aNumber", c.ANumber), ("reason", "Quarterly review of the matrix")),
        ["GET /cases/{aNumber}"] = c => Page($"/cases/{c.ANumber}"),
        ["GET /cases/{aNumber}/record"] = c => Page($"/cases/{c.ANumber}/record?type=MailingAddressChanged"),
        ["POST /cases/{aNumber}/record"] = async c => await PageForm($"/cases/{c.ANumber}/record", ("type", "MailingAddressChanged"), ("version", $"{await c.Server.StoredVersionAsync(c.ANumber)}"), ("on", DocketServer.Today), ("address", "9 Page Row, Brooklyn NY")),
        ["GET /cases/open"] = _ => Page("/cases/open"),
        ["POST /cases/open"] = c => PageForm("/cases/open", ("aNumber", c.Server.NewANumber()), ("familyName", "Thistlewood"), ("givenNames", "Oriel"), ("dateOfBirth", "1979-08-21"), ("citizenship", "CAN"), ("office", "NYC")),
        ["GET /audit/access"] = c => Page($"/audit/access?aNumber={c.ANumber}"),
        ["GET /audit/access.csv"] = c => Page($"/audit/access.csv?aNumber={c.ANumber}"),
        ["GET /audit/break-glass"] = _ => Page("/audit/break-glass"),
        // Each call reviews a break-glass read of its own, made by a supervisor who is none of the columns (so nobody reviews their own read).
        ["POST /audit/break-glass"] = async c => await PageForm("/audit/break-glass", ("accessId", $"{await c.FreshBreakGlassReadAsync()}"), ("note", "Reviewed by the matrix")),
        ["GET /audit/verify"] = _ => Page("/audit/verify"),
        ["POST /audit/verify"] = _ => PageForm("/audit/verify"),
        ["* /healthz"] = _ => Get("/healthz"),
        ["GET /openapi/{documentName}.json"] = _ => Get("/openapi/v1.json"),
        ["GET /scalar/{documentName?}"] = _ => Get("/scalar/v1"),
        ["GET /scalar/scalar.js"] = _ => Get("/scalar/scalar.js"),
        ["GET /scalar/scalar.aspnetcore.js"] = _ => Get("/scalar/scalar.aspnetcore.js"),
        ["GET /scalar/favicon.svg"] = _ => Get("/scalar/favicon.svg"),
        ["GET /api/cases/"] = c => Get($"/api/cases?aNumber={c.ANumber}"),
        ["POST /api/cases/"] = c => Post("/api/cases", Bodies.Opening(c.Server.NewANumber(), office: "NYC")),
        ["GET /api/cases/{aNumber}"] = c => Get($"/api/cases/{c.ANumber}"),
        ["POST /api/cases/{aNumber}/events"] = async c =>
            new Call(HttpMethod.Post, $"/api/cases/{c.ANumber}/events", Bodies.AddressChange("7 Matrix Row, Brooklyn NY"), $"\"{await c.Server.StoredVersionAsync(c.ANumber)}\""),
        ["GET /api/cases/{aNumber}/deadlines"] = c => Get($"/api/cases/{c.ANumber}/deadlines"),
        ["GET /api/cases/{aNumber}/removal-check"] = c => Get($"/api/cases/{c.ANumber}/removal-check?to=MEX"),
        ["POST /api/cases/{aNumber}/access-code"] = c => Post($"/api/cases/{c.ANumber}/access-code", null),
        ["GET /api/caseload/hearings"] = _ => Get("/api/caseload/hearings"),
        ["GET /api/caseload/deadlines"] = _ => Get("/api/caseload/deadlines"),
        ["GET /api/caseload/idle"] = _ => Get("/api/caseload/idle"),
        ["GET /api/departures/pending"] = _ => Get("/api/departures/pending"),
        // The matrix's case has no departure report: the officers of its office get the 400 that says so.
        ["POST /api/departures/{aNumber}/verification"] = async c =>
            new Call(HttpMethod.Post, $"/api/departures/{c.ANumber}/verification", $$"""{"on":"{{DocketServer.Today}}","closeCase":false}""", $"\"{await c.Server.StoredVersionAsync(c.ANumber)}\""),
        ["POST /api/self-service/session"] = async c =>
            new Call(HttpMethod.Post, "/api/self-service/session", AccessBodies.SignIn(c.ANumber, await c.FreshAccessCodeAsync(), DateOfBirth), null),
        ["GET /api/self-service/case"] = _ => Get("/api/self-service/case"),
        ["GET /api/self-service/access"] = _ => Get("/api/self-service/access"),
        ["POST /api/self-service/departure"] = _ => Post("/api/self-service/departure", AccessBodies.Departure("CAN")),
        ["POST /api/self-service/address"] = _ => Post("/api/self-service/address", """{"address":"31 Matrix Lane, Queens NY"}"""),
        ["GET /api/audit/access"] = c => Get($"/api/audit/access?aNumber={c.ANumber}"),
        ["GET /api/audit/access.csv"] = c => Get($"/api/audit/access.csv?aNumber={c.ANumber}"),
        ["GET /api/audit/break-glass"] = _ => Get("/api/audit/break-glass"),
        ["POST /api/audit/break-glass/reviews"] = async c => await Post("/api/audit/break-glass/reviews", $$"""{"accessId":{{await c.FreshBreakGlassReadAsync()}},"note":"Reviewed by the matrix"}"""),
        ["GET /api/audit/key"] = _ => Get("/api/audit/key"),
        ["GET /api/audit/checkpoints"] = _ => Get("/api/audit/checkpoints"),
        ["GET /api/audit/checkpoints/latest"] = _ => Get("/api/audit/checkpoints/latest"),
        ["GET /api/audit/checkpoints/{id:long}"] = c => Get($"/api/audit/checkpoints/{c.CheckpointId}"),
        ["POST /api/audit/checkpoints"] = _ => Post("/api/audit/checkpoints", null),
        ["GET /api/audit/proof/inclusion"] = c => Get($"/api/audit/proof/inclusion?aNumber={c.ANumber}&version=1"),
        ["GET /api/audit/proof/consistency"] = _ => Get("/api/audit/proof/consistency?from=1"),
        ["GET /api/audit/verify"] = _ => Get("/api/audit/verify"),
        ["GET /api/stats/departures"] = _ => Get("/api/stats/departures?by=country&from=2025-05-01&to=2025-05-31"),
        ["GET /api/stats/outcomes"] = _ => Get("/api/stats/outcomes?by=representation"),
        ["GET /api/stats/releases"] = _ => Get("/api/stats/releases"),
        // The person's pages take their own cookie, never a bearer token: to every bearer caller
        // they are the signed-out pages (a form without its token is a 400, a page a 302 to sign-in).
        ["GET /my-case/sign-in"] = _ => Get("/my-case/sign-in"),
        ["POST /my-case/sign-in"] = c => Post("/my-case/sign-in", AccessBodies.SignIn(c.ANumber, "ZZZZ-ZZZZ-ZZZZ", DateOfBirth)),
        ["POST /my-case/sign-out"] = _ => Post("/my-case/sign-out", null),
        ["GET /my-case/language"] = _ => Get("/my-case/language?to=es&returnUrl=/my-case/sign-in"),
        ["GET /my-case/why"] = _ => Get("/my-case/why"),
        ["GET /my-case/"] = _ => Get("/my-case"),
        ["GET /my-case/reads"] = _ => Get("/my-case/reads"),
        ["GET /my-case/departure"] = _ => Get("/my-case/departure"),
        ["POST /my-case/departure"] = _ => Post("/my-case/departure", null),
        ["GET /my-case/address"] = _ => Get("/my-case/address"),
        ["POST /my-case/address"] = _ => Post("/my-case/address", null),
    };

    [Fact]
    public void Every_mapped_endpoint_has_a_row_and_every_row_an_endpoint()
    {
        var mapped = MappedEndpoints();
        var rows = Parse().Select(r => r.Endpoint).ToHashSet(StringComparer.Ordinal);

        var withoutRow = mapped.Except(rows).Order().ToList();
        var withoutEndpoint = rows.Except(mapped).Order().ToList();
        Assert.True(withoutRow.Count == 0, "Endpoints with no row in the authorisation matrix (decide who may call them and add a row):\n" + string.Join("\n", withoutRow));
        Assert.True(withoutEndpoint.Count == 0, "Rows of the authorisation matrix for endpoints that no longer exist:\n" + string.Join("\n", withoutEndpoint));
        Assert.Equal(rows.Order(), Calls.Keys.Order());
    }

    [Fact]
    public async Task Every_endpoint_called_by_every_role_answers_as_the_table_says()
    {
        var rows = Parse();
        Assert.Equal(rows.Select(r => r.Endpoint).Order(), MappedEndpoints().Order());
        var context = await Context.CreateAsync(server);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var mismatches = new List<string>();
        var leaks = new List<string>();
        var headers = new List<string>();
        foreach (var row in rows)
        {
            for (var column = 0; column < Columns.Count; column++)
            {
                var caller = Columns[column];
                var call = await Calls[row.Endpoint](context);
                using var response = call.IsPage
                    ? await context.SendPageAsync(caller, call)
                    : await http.SendAsync(call.ToRequest(context.TokenOf(caller)));
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != row.Expected[column])
                {
                    mismatches.Add($"{row.Endpoint} as {caller}: expected {row.Expected[column]}, got {(int)response.StatusCode} {Shorten(body)}");
                }

                if (MissingSecurityHeaders(response) is { Length: > 0 } missing)
                {
                    headers.Add($"{row.Endpoint} as {caller} ({(int)response.StatusCode}): {missing}");
                }

                if (Strangers.Contains(caller) && !WithStatedReason.Contains((row.Endpoint, caller)) && new[] { FamilyName, GivenNames, DateOfBirth }.FirstOrDefault(p => body.Contains(p, StringComparison.Ordinal)) is { } leaked)
                {
                    leaks.Add($"{row.Endpoint} as {caller}: the response contains '{leaked}'");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} call(s) did not answer as the matrix says:\n" + string.Join("\n", mismatches));
        Assert.True(leaks.Count == 0, "The person's identity reached callers with no relationship to the case:\n" + string.Join("\n", leaks));
        Assert.True(headers.Count == 0, "Responses without the security headers:\n" + string.Join("\n", headers));
    }

    [Fact]
    public void Every_endpoint_is_either_explicitly_anonymous_or_names_a_policy()
    {
        // The fallback policy refuses everyone anyway; this keeps the intent visible in the code.
        var unguarded = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(Key)
            .ToList();

        Assert.True(unguarded.Count == 0, "Endpoints that rely on the fallback policy alone (name a policy or AllowAnonymous):\n" + string.Join("\n", unguarded));
    }

    private static readonly IReadOnlyList<string> Columns = ["anon", "off", "offLAX", "sup", "supLAX", "atty", "atty2", "audit", "self"];

    private HashSet<string> MappedEndpoints() =>
        server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(Key).ToHashSet(StringComparer.Ordinal);

    private static string Key(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
        var method = methods is { Count: > 0 } ? string.Join(",", methods.Order(StringComparer.Ordinal)) : "*";
        return $"{method} {endpoint.RoutePattern.RawText}";
    }

    private static List<Row> Parse()
    {
        var lines = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split('|', StringSplitOptions.TrimEntries);
        Assert.Equal(Columns, header[1..]);
        var rows = new List<Row>();
        foreach (var line in lines[1..])
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            Assert.True(cells.Length == Columns.Count + 1, $"a row of the matrix has {cells.Length - 1} statuses, not {Columns.Count}: {line}");
            var endpoint = string.Join(' ', cells[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            rows.Add(new Row(endpoint, [.. cells[1..].Select(int.Parse)]));
        }

        Assert.Equal(rows.Count, rows.Select(r => r.Endpoint).Distinct().Count());
        return rows;
    }

    /// <summary>The security headers every response carries, whoever asked and whatever the answer.</summary>
    private static string MissingSecurityHeaders(HttpResponseMessage response)
    {
        string? One(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
        var missing = new List<string>();
        if (One("X-Content-Type-Options") != "nosniff")
        {
            missing.Add("X-Content-Type-Options: nosniff");
        }

        if (One("X-Frame-Options") != "DENY")
        {
            missing.Add("X-Frame-Options: DENY");
        }

        if (One("Referrer-Policy") != "no-referrer")
        {
            missing.Add("Referrer-Policy: no-referrer");
        }

        if (One("Content-Security-Policy")?.Contains("frame-ancestors 'none'", StringComparison.Ordinal) != true)
        {
            missing.Add("Content-Security-Policy with frame-ancestors 'none'");
        }

        return string.Join("; ", missing);
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "...";

    private static Task<Call> Get(string path) => Task.FromResult(new Call(HttpMethod.Get, path, null, null));

    private static Task<Call> Post(string path, string? body) => Task.FromResult(new Call(HttpMethod.Post, path, body ?? "", null));

    private static Task<Call> Page(string path) => Task.FromResult(new Call(HttpMethod.Get, path, null, null) { IsPage = true });

    private static Task<Call> PageForm(string path, params (string Name, string Value)[] fields) =>
        Task.FromResult(new Call(HttpMethod.Post, path, null, null) { IsPage = true, Form = [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))] });

    private sealed record Row(string Endpoint, IReadOnlyList<int> Expected);

    private sealed record Call(HttpMethod Method, string Path, string? Body, string? IfMatch)
    {
        /// <summary>A staff page: sent with the caller's page session (a cookie), not a token.</summary>
        public bool IsPage { get; init; }

        /// <summary>The form a page POST sends (with its antiforgery token).</summary>
        public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }

        /// <summary>Sent from a browser of its own (signing out must not end the caller's session for the rows after it).</summary>
        public bool Fresh { get; init; }

        public HttpRequestMessage ToRequest(string? token)
        {
            var request = new HttpRequestMessage(Method, Path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (IfMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", IfMatch);
            }

            if (Body is not null)
            {
                request.Content = new StringContent(Body, Encoding.UTF8, "application/json");
            }

            return request;
        }
    }

    /// <summary>The matrix's case, a self-service session for it, a checkpoint that covers it, and a supervisor of another office who reads it by breaking glass.</summary>
    private sealed class Context
    {
        private const string BreakGlassReader = "supervisor-mia";

        private Context(DocketServer server, string aNumber, string session, long checkpointId, string readerToken)
        {
            Server = server;
            ANumber = aNumber;
            Session = session;
            CheckpointId = checkpointId;
            this.readerToken = readerToken;
        }

        private readonly string readerToken;

        public DocketServer Server { get; }

        public string ANumber { get; }

        public string Session { get; }

        public long CheckpointId { get; }

        public static async Task<Context> CreateAsync(DocketServer server)
        {
            var aNumber = server.NewANumber();
            var (opened, _) = await server.OpenRepresentedCaseAsync(aNumber, FamilyName, GivenNames, DateOfBirth);

            // One real sign-in for the session; the session row signs in once per column too, and
            // sign-in is limited to 10 a minute from one address.
            var session = await server.SignInAsync(aNumber, opened.AccessCode, DateOfBirth);

            // A statistics release for the public statistics rows to answer from.
            await server.App.Services.GetRequiredService<Docket.Web.Statistics.StatisticsPublisher>().IssueAsync();
            using var issued = await server.As(server.AuditorToken).SendAsync(HttpMethod.Post, "/api/audit/checkpoints", "");
            var checkpoint = await Json.ReadAsync(issued, System.Net.HttpStatusCode.Created);
            var reader = await server.Kit.AddUserAsync(BreakGlassReader, Docket.Store.Users.UserRoles.Supervisor, "MIA");
            return new Context(server, aNumber, session, checkpoint.GetProperty("id").GetInt64(), reader);
        }

        /// <summary>A new break-glass read of the matrix's case, awaiting review: its access log id.</summary>
        public async Task<long> FreshBreakGlassReadAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{ANumber}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readerToken);
            request.Headers.Add("X-Access-Reason", "A review the matrix asks for");
            using var read = await Server.Http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.OK, read.StatusCode);
            var waiting = await Server.App.Services.GetRequiredService<Docket.Store.Access.BreakGlassReviews>().ListAsync(reviewed: false, afterId: null, limit: 1000);
            return waiting.Where(r => r.Entry.UserName == BreakGlassReader).Max(r => r.Entry.Id);
        }

        private readonly Dictionary<string, StaffPages.PageClient> pages = new(StringComparer.Ordinal);

        /// <summary>The user each column signs in to the pages as; anon and self have no page session.</summary>
        private static string? PageUserOf(string column) => column switch
        {
            "off" => DocketServer.Officer,
            "offLAX" => "officer-lax",
            "sup" => "supervisor-nyc",
            "supLAX" => "supervisor-lax",
            "atty" => "attorney-of-record",
            "atty2" => "attorney-unrelated",
            "audit" => "auditor-oig",
            _ => null,
        };

        public async Task<HttpResponseMessage> SendPageAsync(string column, Call call)
        {
            StaffPages.PageClient client;
            var tokenFrom = "/rules";
            if (call.Fresh || PageUserOf(column) is not { } user)
            {
                // The sign-in form is the form a browser without a session has.
                client = StaffPages.PageClient.Anonymous(Server.Kit.Address);
                tokenFrom = "/";
            }
            else if (!pages.TryGetValue(user, out client!))
            {
                client = pages[user] = await Server.PagesAsAsync(user);
            }

            if (call.Form is { } form)
            {
                return await client.PostFormAsync(call.Path, form, tokenFrom);
            }

            return await client.Http.GetAsync(call.Path);
        }

        public string? TokenOf(string column) => column switch
        {
            "anon" => null,
            "off" => Server.OfficerToken,
            "offLAX" => Server.OtherOfficeToken,
            "sup" => Server.SupervisorToken,
            "supLAX" => Server.OtherSupervisorToken,
            "atty" => Server.AttorneyToken,
            "atty2" => Server.OtherAttorneyToken,
            "audit" => Server.AuditorToken,
            "self" => Session,
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a column of the matrix"),
        };

        /// <summary>
        /// Sets a new access code for the case directly in the store (the access-code row may
        /// have replaced the one issued at opening) and returns it.
        /// </summary>
        public async Task<string> FreshAccessCodeAsync()
        {
            var code = AccessCodes.Generate();
            Assert.True(await Server.App.Services.GetRequiredService<CaseDirectory>().SetAccessCodeHashAsync(ANumber, AccessCodes.Hash(code)));
            return code;
        }
    }
}

public sealed class SqliteAuthorizationMatrix(SqliteServer server) : AuthorizationMatrix(server), IClassFixture<SqliteServer>;

public sealed class PostgresAuthorizationMatrix(PostgresServer server) : AuthorizationMatrix(server), IClassFixture<PostgresServer>;
