using System.Net;
using Docket.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.PersonPages;

/// <summary>
/// Every form of the person's pages, found from the running app's endpoints, refuses a missing and a
/// wrong antiforgery token with a page in the person's language, and records nothing. A class (and
/// server) of its own: its posts count against the sign-in form's rate limit.
/// </summary>
public abstract class PersonFormTokenTests(DocketServer server)
{
    [Fact]
    public async Task Every_form_of_the_persons_pages_refuses_a_missing_or_a_wrong_token_and_writes_nothing()
    {
        var (digits, browser) = await PersonCasePagesTests.DecidedCaseAsync(server);
        using var stranger = new FormSession(server.Http.BaseAddress!);
        var foreignToken = (await stranger.GetAsync("/my-case/sign-in")).Token();
        var forms = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true && e.RoutePattern.RawText!.StartsWith("/my-case", StringComparison.Ordinal))
            .Select(e => e.RoutePattern.RawText!)
            .ToList();
        Assert.Contains("/my-case/address", forms);

        var accepted = new List<string>();
        foreach (var path in forms)
        {
            var fields = new Dictionary<string, string> { ["address"] = "1 Forged Row", ["destinationCountry"] = "PER", ["on"] = DocketServer.Today, ["aNumber"] = digits, ["accessCode"] = "x", ["dateOfBirth"] = "1979-04-30" };
            var missing = await browser.SubmitAsync("/my-case", path, fields, withToken: false);
            var wrong = await browser.SubmitAsync("/my-case", path, new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = foreignToken }, withToken: false);
            foreach (var (how, page) in new[] { ("missing", missing), ("wrong", wrong) })
            {
                if (page.Status != HttpStatusCode.BadRequest || !page.Text.Contains("The form could not be accepted", StringComparison.Ordinal))
                {
                    accepted.Add($"{path} with a {how} token: {(int)page.Status}");
                }
            }
        }

        Assert.True(accepted.Count == 0, "Forms that did not refuse a bad token:\n" + string.Join("\n", accepted));
        Assert.Equal(3, await server.StoredVersionAsync(digits));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/my-case")).Status);
    }
}

public sealed class SqlitePersonFormTokenTests(SqliteServer server) : PersonFormTokenTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresPersonFormTokenTests(PostgresServer server) : PersonFormTokenTests(server), IClassFixture<PostgresServer>;
