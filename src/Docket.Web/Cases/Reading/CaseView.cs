using System.Text.Json;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Departures;
using Docket.Store.Events;
using NodaTime;

namespace Docket.Web.Cases.Reading;

public sealed record PersonView(string FamilyName, string GivenNames, LocalDate DateOfBirth, string Citizenship);

public sealed record AttorneyView(string Name, string BarNumber, LocalDate Since);

public sealed record HearingView(LocalDate Date, string Kind, string Court);

/// <summary>
/// A deadline as the API shows it: <c>dateIs</c> says whether <c>due</c> is a last day or an
/// earliest day (first-hearing-earliest); <c>daysLeft</c> counts from the day asked about
/// (negative once passed); <c>description</c> says what it means in plain words.
/// </summary>
public sealed record DeadlineView(string Kind, LocalDate Due, string Rule, string DateIs, bool Passed, int DaysLeft, string Description)
{
    public static IReadOnlyList<DeadlineView> From(IEnumerable<Deadline> deadlines, LocalDate asOf) =>
        [.. deadlines.Select(d => new DeadlineView(
            d.Kind,
            d.Due,
            d.Rule,
            JsonNamingPolicy.KebabCaseLower.ConvertName(DeadlineMeaning.DateIs(d.Kind).ToString()),
            d.Due < asOf,
            Period.Between(asOf, d.Due, PeriodUnits.Days).Days,
            DeadlineMeaning.Describe(d.Kind)))];
}

/// <summary>A verified departure: <c>kind</c> is DEPART-SELF-REMOVAL's classification; <c>overstay</c> is VD-OVERSTAY.</summary>
public sealed record DepartureView(LocalDate On, string DestinationCountry, string Kind, bool Overstay)
{
    public static DepartureView? From(ClassifiedDeparture? departure) => departure is null ? null
        : new(departure.On, departure.DestinationCountry.Code, JsonNamingPolicy.KebabCaseLower.ConvertName(departure.Kind.ToString()), departure.Overstay);
}

/// <summary>FINAL-1241: since when the removal order is administratively final, and why.</summary>
public sealed record FinalOrderView(LocalDate Since, string Rule, string Basis);

/// <summary>An event as the API shows it: the log's fields, with the payload as an object.</summary>
public sealed record EventView(
    long Position,
    int Version,
    string Type,
    string On,
    string RecordedAt,
    string RecordedBy,
    JsonElement Fields,
    string PrevHash,
    string Hash)
{
    public static EventView From(EventRow row)
    {
        using var payload = JsonDocument.Parse(row.Payload);
        return new EventView(row.Position, row.Version, row.Type, row.EffectiveOn, row.RecordedAt, row.RecordedBy,
            payload.RootElement.Clone(), EventHash.ToHex(row.PrevHash), EventHash.ToHex(row.Hash));
    }
}

/// <summary>The state of a case: GET /api/cases/{aNumber}.</summary>
public sealed record CaseView(
    string ANumber,
    PersonView Person,
    string Office,
    string Status,
    CaseStage Stage,
    FinalOrderView? FinalOrder,
    AttorneyView? Attorney,
    HearingView? NextHearing,
    IReadOnlyList<DeadlineView> Deadlines,
    DepartureView? Departure,
    int Version,
    IReadOnlyList<EventView> Events)
{
    public static CaseView From(CaseState state, IReadOnlyList<EventRow> rows, LocalDate today, CourtCalendar calendar)
    {
        var identity = state.Identity!;
        var final = Proceedings.Finality(state, calendar, today);
        return new CaseView(
            identity.ANumber.Digits,
            new PersonView(identity.FamilyName, identity.GivenNames, identity.DateOfBirth, identity.Citizenship.Code),
            identity.Office,
            state.Closure is null ? "open" : "closed",
            Proceedings.StageOn(state, calendar, today),
            final is null ? null : new FinalOrderView(final.Since, final.Rule, final.Basis),
            state.Attorney is { } a ? new AttorneyView(a.Name, a.BarNumber, a.Since) : null,
            state.NextHearing(today) is { } h ? new HearingView(h.Date, JsonNamingPolicy.KebabCaseLower.ConvertName(h.Kind.ToString()), h.Court) : null,
            DeadlineView.From(DeadlineCalculator.For(state, calendar, today), today),
            DepartureView.From(ClassifiedDeparture.Of(state, calendar)),
            state.Version,
            rows.Select(EventView.From).ToList());
    }
}
