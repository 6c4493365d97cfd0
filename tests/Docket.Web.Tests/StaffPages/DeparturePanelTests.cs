using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.StaffPages;

/// <summary>
/// The case page's "Departure reported" panel: the officer verifies a report and closes the case
/// in one step (the case then shows closed and classified), rejects another only with a reason,
/// a stale version is the conflict page, and a form without its antiforgery token records nothing.
/// </summary>
public sealed class DeparturePanelTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Verifying_with_close_the_case_records_both_and_the_case_shows_closed_and_classified()
    {
        var (digits, version) = await ReportedAsync("CAN");
        using var officer = await server.PagesAsAsync(DocketServer.Officer);

        var page = await officer.Http.GetStringAsync($"/cases/{digits}");
        Assert.Contains("id=\"departure-reported\"", page, StringComparison.Ordinal);
        Assert.Contains("Close the case (departed)", page, StringComparison.Ordinal);

        using var verified = await officer.PostFormAsync($"/cases/{digits}/record", Verify(version, close: true), tokenFrom: $"/cases/{digits}");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(version + 2, await server.StoredVersionAsync(digits));

        var after = await officer.Http.GetStringAsync($"/cases/{digits}");
        Assert.DoesNotContain("id=\"departure-reported\"", after, StringComparison.Ordinal);
        Assert.Contains("departure without an order", after, StringComparison.Ordinal);
        Assert.Contains("<dt>Status</dt><dd>closed</dd>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verifying_without_closing_leaves_the_case_open()
    {
        var (digits, version) = await ReportedAsync("MEX");
        using var officer = await server.PagesAsAsync(DocketServer.Officer);

        using var verified = await officer.PostFormAsync($"/cases/{digits}/record", Verify(version, close: false), tokenFrom: $"/cases/{digits}");

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(version + 1, await server.StoredVersionAsync(digits));
        Assert.Contains("<dt>Status</dt><dd>open</dd>", await officer.Http.GetStringAsync($"/cases/{digits}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_then_removes_the_panel()
    {
        var (digits, version) = await ReportedAsync("GTM");
        using var officer = await server.PagesAsAsync(DocketServer.Officer);

        using var empty = await officer.PostFormAsync($"/cases/{digits}/record", Reject(version, ""), tokenFrom: $"/cases/{digits}");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(version, await server.StoredVersionAsync(digits));

        using var rejected = await officer.PostFormAsync($"/cases/{digits}/record", Reject(version, "The boarding pass belongs to another traveller"), tokenFrom: $"/cases/{digits}");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.DoesNotContain("id=\"departure-reported\"", await officer.Http.GetStringAsync($"/cases/{digits}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_version_is_the_conflict_page_and_records_nothing()
    {
        var (digits, version) = await ReportedAsync("CAN");
        await server.AsOfficer.AppendAsync(digits, version, """{"type":"MailingAddressChanged","on":"2025-06-02","address":"4 Moved Lane, Queens NY"}""");
        using var officer = await server.PagesAsAsync(DocketServer.Officer);

        using var stale = await officer.PostFormAsync($"/cases/{digits}/record", Verify(version, close: true), tokenFrom: $"/cases/{digits}");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(version + 1, await server.StoredVersionAsync(digits));
    }

    [Fact]
    public async Task The_departure_forms_refuse_a_missing_antiforgery_token()
    {
        var (digits, version) = await ReportedAsync("CAN");
        using var officer = await server.PagesAsAsync(DocketServer.Officer);

        using var verify = await officer.PostFormAsync($"/cases/{digits}/record", Verify(version, close: true), tokenFrom: null);
        using var reject = await officer.PostFormAsync($"/cases/{digits}/record", Reject(version, "forged"), tokenFrom: null);

        Assert.Equal(HttpStatusCode.BadRequest, verify.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reject.StatusCode);
        Assert.Equal(version, await server.StoredVersionAsync(digits));
    }

    private async Task<(string Digits, int Version)> ReportedAsync(string country)
    {
        var digits = server.NewANumber();
        var version = (await server.AsOfficer.OpenAsync(digits)).Version;
        version = await server.AsOfficer.AppendAsync(digits, version, $$"""{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"{{country}}","source":"self-report","mode":"air","evidence":"boarding-pass"}""");
        return (digits, version);
    }

    private static List<KeyValuePair<string, string>> Verify(int version, bool close)
    {
        List<KeyValuePair<string, string>> form = [new("type", "DepartureVerified"), new("version", $"{version}"), new("on", DocketServer.Today)];
        if (close)
        {
            form.Add(new("closeCase", "true"));
        }

        return form;
    }

    private static List<KeyValuePair<string, string>> Reject(int version, string reason) =>
        [new("type", "DepartureRejected"), new("version", $"{version}"), new("on", DocketServer.Today), new("reason", reason)];
}
