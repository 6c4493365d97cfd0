using System.Net;
using Docket.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.StaffPages;

/// <summary>
/// Every form the staff pages post, found from the running app's endpoints (so a new form cannot
/// be added without this test sending it), refuses a missing and a wrong antiforgery token with a
/// 400 page, and records nothing.
/// </summary>
public sealed class AntiforgeryTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Every_page_form_refuses_a_missing_or_a_wrong_antiforgery_token()
    {
        var digits = server.NewANumber();
        await server.AsOfficer.OpenAsync(digits);
        var posts = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true && !e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal)
                // The person's pages take the person's session: PersonCasePagesTests sends those forms.
                && !e.RoutePattern.RawText!.StartsWith("/my-case", StringComparison.Ordinal))
            .Select(e => e.RoutePattern.RawText!.Replace("{aNumber}", digits, StringComparison.Ordinal).Replace("{token}", "dks_whatever", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("/sign-in", posts);
        Assert.Contains($"/cases/{digits}/record", posts);
        Assert.Contains("/audit/break-glass", posts);
        Assert.Contains("/audit/verify", posts);

        using var officer = await server.PagesAsAsync("supervisor-nyc");
        // The auditors' own forms (verify now) are refused to a supervisor before their token is looked at.
        using var auditor = await server.PagesAsAsync("auditor-oig");
        using var stranger = PageClient.Anonymous(server.Kit.Address);
        var foreignToken = await stranger.TokenAsync("/");
        var accepted = new List<string>();
        foreach (var path in posts)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("type", "MailingAddressChanged"), new("version", "1"), new("on", DocketServer.Today), new("address", "1 Forged Row"),
                new("aNumber", server.NewANumber()), new("familyName", "Forged"), new("givenNames", "Form"), new("dateOfBirth", "1990-01-01"),
                new("citizenship", "CAN"), new("office", "NYC"), new("reason", "forged"), new("userName", "x"), new("password", "y"), new("code", "1"),
                new("accessId", "1"), new("note", "forged review"),
            };
            var sender = path.StartsWith("/audit/verify", StringComparison.Ordinal) ? auditor : officer;
            using var missing = await sender.PostFormAsync(path, form, tokenFrom: null);
            using var wrong = await sender.PostFormAsync(path, form, token: foreignToken);
            foreach (var (how, response) in new[] { ("missing", missing), ("wrong", wrong) })
            {
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("The form could not be accepted", StringComparison.Ordinal))
                {
                    accepted.Add($"{path} with a {how} token: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(accepted.Count == 0, "Forms that did not refuse a bad antiforgery token:\n" + string.Join("\n", accepted));
        Assert.Equal(1, await server.StoredVersionAsync(digits));
        Assert.Null(server.App.Services.GetRequiredService<Docket.Web.Audit.VerificationRuns>().Latest);
        Assert.DoesNotContain(await server.App.Services.GetRequiredService<Docket.Store.Access.BreakGlassReviews>().ListAsync(reviewed: true, afterId: null, limit: 1000), r => r.Review?.Note == "forged review");
    }
}
