using System.Text.Json;
using System.Text.Json.Nodes;
using Docket.Domain.Calendar;
using Docket.Domain.Events;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Web.Auth;
using Docket.Web.Cases;
using Docket.Web.Cases.Reading;
using Docket.Web.Language;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Text;

namespace Docket.Web.SelfService;

/// <summary>What recording something for the person came to.</summary>
public abstract record SelfServiceWrite
{
    private SelfServiceWrite()
    {
    }

    public sealed record Recorded(int Version, string Reference) : SelfServiceWrite;

    /// <summary>The fields do not make an event (HTTP 400): the parser's reasons.</summary>
    public sealed record NotParsed(IReadOnlyList<string> Errors) : SelfServiceWrite;

    /// <summary>The case could not be loaded for writing: the problem the API answers.</summary>
    public sealed record NotLoaded(ProblemHttpResult Problem) : SelfServiceWrite;

    /// <summary>The case refused it: a changed version, an invalid step, or a safeguard.</summary>
    public sealed record Declined(CaseCommandResult Result) : SelfServiceWrite;
}

/// <summary>
/// The person's own case, for the self-service API and the person's pages alike: reading it (in
/// plain language too), who read it, and recording the two things a person records themselves, a
/// departure report and a new address. Both go through the event parser and the case's rules like
/// an officer's events.
/// </summary>
public sealed class SelfServiceDesk(
    EventReader reader, AccessLog accessLog, CaseLog cases, LegalClock today, CourtCalendar calendar,
    PlainCaseWords words, LanguageDates dates, IConfiguration configuration)
{
    public async Task<(SelfServiceCaseView? View, ProblemHttpResult? Problem)> ReadCaseAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (loaded, problem) = await CaseLoader.ReadAsync(Caller.From(http.User).SelfServiceANumber!, "self-service", http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return (null, problem);
        }

        var view = CaseView.From(loaded.State, [], today.Today(), calendar);
        return (new SelfServiceCaseView(view.ANumber, view.Person.FamilyName, view.Person.GivenNames, view.Status, view.Stage,
            view.NextHearing, view.Deadlines, view.FinalOrder, view.Version, PlainCaseView.From(view, loaded.State, words, dates)), null);
    }

    /// <summary>Every read of the file by someone else, oldest first, as the access log holds them.</summary>
    public async Task<IReadOnlyList<FileReadView>> ReadsAsync(string aNumber, CancellationToken cancellationToken)
    {
        var showNames = configuration.GetValue("Docket:SelfService:ShowReaderNames", false);
        // Every read, not the first page only: the newest reads are the ones the person most needs to see.
        var reads = new List<AccessLogRow>();
        for (long? after = null; ;)
        {
            var page = await accessLog.QueryAsync(new AccessLogQuery(ANumber: aNumber, Outcome: "allowed", AfterId: after, Limit: 1000), cancellationToken);
            reads.AddRange(page);
            if (page.Count < 1000)
            {
                break;
            }

            after = page[^1].Id;
        }

        return [.. reads
            .Where(r => r.Role != Caller.SelfServiceRole)
            .Select(r => new FileReadView(r.Role, r.Office, r.At[..10], r.BreakGlass ? r.Reason ?? r.Purpose : r.Purpose, r.BreakGlass, showNames ? r.UserName : null,
                words.Role(r.Role), dates.WithWeekday(LocalDatePattern.Iso.Parse(r.At[..10]).Value), words.Purpose(r.Purpose, r.BreakGlass, r.Reason)))];
    }

    /// <summary>A departure report; the source is always the person's own report.</summary>
    public Task<SelfServiceWrite> ReportDepartureAsync(HttpContext http, JsonObject fields, CancellationToken cancellationToken)
    {
        if (fields.ContainsKey("type") || fields.ContainsKey("source"))
        {
            return Task.FromResult<SelfServiceWrite>(new SelfServiceWrite.NotParsed(["type, source: are set by Docket"]));
        }

        fields["type"] = nameof(DepartureReported);
        fields["source"] = "self-report";
        return RecordAsync<DepartureReported>(http, fields, "departure-report", cancellationToken);
    }

    /// <summary>A new mailing address of record, dated today.</summary>
    public Task<SelfServiceWrite> ChangeAddressAsync(HttpContext http, JsonObject fields, CancellationToken cancellationToken)
    {
        if (fields.ContainsKey("type") || fields.ContainsKey("on"))
        {
            return Task.FromResult<SelfServiceWrite>(new SelfServiceWrite.NotParsed(["type, on: are set by Docket"]));
        }

        fields["type"] = nameof(MailingAddressChanged);
        fields["on"] = EventJson.DatePattern.Format(today.Today());
        return RecordAsync<MailingAddressChanged>(http, fields, "address-change", cancellationToken);
    }

    private async Task<SelfServiceWrite> RecordAsync<TEvent>(HttpContext http, JsonObject fields, string purpose, CancellationToken cancellationToken)
        where TEvent : CaseEvent
    {
        var parsed = EventJson.Parse(JsonSerializer.SerializeToElement(fields));
        if (parsed.Event is not TEvent recorded)
        {
            return new SelfServiceWrite.NotParsed(parsed.Errors);
        }

        var aNumber = Caller.From(http.User).SelfServiceANumber!;
        var (loaded, problem) = await CaseLoader.LoadForWriteAsync(aNumber, purpose, http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return new SelfServiceWrite.NotLoaded(problem!);
        }

        return await cases.AppendAsync(loaded.State, loaded.State.Version, recorded, Caller.SelfServiceRole, cancellationToken) switch
        {
            CaseCommandResult.Appended a => new SelfServiceWrite.Recorded(a.Version, SelfServiceReceipt.ReferenceFor(aNumber, a.Version)),
            var declined => new SelfServiceWrite.Declined(declined),
        };
    }
}
