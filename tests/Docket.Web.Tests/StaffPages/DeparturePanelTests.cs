using System.Net;
using System.Text.RegularExpressions;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.StaffPages;

/// <summary>
/// The case page's "Departure reported" panel: the officer verifies a report and closes the case
/// in one step (the case then shows closed and classified), rejects another only with a reason,
/// a stale version is the conflict page, and a form without its antiforgery token records nothing.
/// </summary>
public sealed partial class DeparturePanelTests(SqliteServer server) : IClassFixture<SqliteServer>
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
    public async Task Bug_the_timeline_turned_the_hyphens_of_a_name_and_a_reason_into_spaces_and_keeps_them()
    {
        var digits = server.NewANumber();
        var version = (await server.AsOfficer.OpenAsync(digits, "Fenwick-Olabode", "Marisol")).Version;
        version = await server.AsOfficer.AppendAsync(digits, version, """{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"GTM","source":"carrier-manifest","mode":"air"}""");
        using var officer = await server.PagesAsAsync(DocketServer.Officer);
        using var rejected = await officer.PostFormAsync($"/cases/{digits}/record", Reject(version, "Manifest AV-0412 lists a co-traveller, not her"), tokenFrom: $"/cases/{digits}");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);

        var page = System.Net.WebUtility.HtmlDecode(await officer.Http.GetStringAsync($"/cases/{digits}"));

        Assert.Contains("<li>Family name: Fenwick-Olabode</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Reason: Manifest AV-0412 lists a co-traveller, not her</li>", page, StringComparison.Ordinal);
        // A closed set's wire word is still put in words.
        Assert.Contains("<li>Source: carrier manifest</li>", page, StringComparison.Ordinal);
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
    public async Task Bug_a_refused_verification_lost_the_close_the_case_choice_and_now_keeps_it()
    {
        var (digits, version) = await ReportedAsync("CAN");
        using var officer = await server.PagesAsAsync(DocketServer.Officer);
        var tomorrow = Verify(version, close: true);
        tomorrow[2] = new("on", "2025-06-03");

        using var refused = await officer.PostFormAsync($"/cases/{digits}/record", tomorrow, tokenFrom: $"/cases/{digits}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("RECORD-NOT-FUTURE", page, StringComparison.Ordinal);
        Assert.True(CloseCaseTicked(page), "the page that shows the refusal dropped \"Close the case (departed)\"");
        Assert.Equal(version, await server.StoredVersionAsync(digits));
    }

    [Fact]
    public async Task Bug_a_stale_verification_lost_the_close_the_case_choice_and_sent_again_now_closes_the_case()
    {
        var (digits, version) = await ReportedAsync("MEX");
        var moved = await server.AsOfficer.AppendAsync(digits, version, """{"type":"MailingAddressChanged","on":"2025-06-02","address":"9 Late Lane, Queens NY"}""");
        using var officer = await server.PagesAsAsync(DocketServer.Officer);

        using var stale = await officer.PostFormAsync($"/cases/{digits}/record", Verify(version, close: true), tokenFrom: $"/cases/{digits}");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.True(CloseCaseTicked(await stale.Content.ReadAsStringAsync()), "the conflict page dropped \"Close the case (departed)\"");

        // Sent again from the conflict page, at the version it now carries: verified and closed.
        using var again = await officer.PostFormAsync($"/cases/{digits}/record", Verify(moved, close: true), tokenFrom: $"/cases/{digits}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(moved + 2, await server.StoredVersionAsync(digits));
        Assert.Contains("<dt>Status</dt><dd>closed</dd>", await officer.Http.GetStringAsync($"/cases/{digits}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verification_sent_without_closing_comes_back_from_a_conflict_still_without_closing()
    {
        var (digits, version) = await ReportedAsync("GTM");
        await server.AsOfficer.AppendAsync(digits, version, """{"type":"MailingAddressChanged","on":"2025-06-02","address":"9 Late Lane, Queens NY"}""");
        using var officer = await server.PagesAsAsync(DocketServer.Officer);

        using var stale = await officer.PostFormAsync($"/cases/{digits}/record", Verify(version, close: false), tokenFrom: $"/cases/{digits}");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.False(CloseCaseTicked(await stale.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_record_page_of_a_verification_offers_close_the_case_ticked()
    {
        var (digits, _) = await ReportedAsync("CAN");
        using var officer = await server.PagesAsAsync(DocketServer.Officer);

        Assert.True(CloseCaseTicked(await officer.Http.GetStringAsync($"/cases/{digits}/record?type=DepartureVerified")));
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

    /// <summary>Whether the page's "Close the case (departed)" box is ticked; the page must have one.</summary>
    private static bool CloseCaseTicked(string page)
    {
        var box = CloseCaseBox().Match(page);
        Assert.True(box.Success, "the page has no \"Close the case (departed)\" box");
        return CheckedAttribute().IsMatch(box.Value);
    }

    [GeneratedRegex("""<input[^>]*name="closeCase"[^>]*>""")]
    private static partial Regex CloseCaseBox();

    [GeneratedRegex("""\schecked(\s|=|/|>)""")]
    private static partial Regex CheckedAttribute();

    private static List<KeyValuePair<string, string>> Reject(int version, string reason) =>
        [new("type", "DepartureRejected"), new("version", $"{version}"), new("on", DocketServer.Today), new("reason", reason)];
}
