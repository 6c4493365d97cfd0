using System.Text.Json;
using Docket.Domain.Cases;
using Docket.Store.Events;
using NodaTime;

namespace Docket.Web.Cases.Reading;

public sealed record PersonView(string FamilyName, string GivenNames, LocalDate DateOfBirth, string Citizenship);

public sealed record AttorneyView(string Name, string BarNumber, LocalDate Since);

public sealed record HearingView(LocalDate Date, string Kind, string Court);

public sealed record DeadlineView(string Kind, LocalDate Due, string Rule);

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
    AttorneyView? Attorney,
    HearingView? NextHearing,
    IReadOnlyList<DeadlineView> Deadlines,
    int Version,
    IReadOnlyList<EventView> Events)
{
    public static CaseView From(CaseState state, IReadOnlyList<EventRow> rows, LocalDate today)
    {
        var identity = state.Identity!;
        return new CaseView(
            identity.ANumber.Digits,
            new PersonView(identity.FamilyName, identity.GivenNames, identity.DateOfBirth, identity.Citizenship.Code),
            identity.Office,
            state.Stage is CaseStage.Closed ? "closed" : "open",
            state.Stage,
            state.Attorney is { } a ? new AttorneyView(a.Name, a.BarNumber, a.Since) : null,
            state.NextHearing(today) is { } h ? new HearingView(h.Date, JsonNamingPolicy.KebabCaseLower.ConvertName(h.Kind.ToString()), h.Court) : null,
            [],
            state.Version,
            rows.Select(EventView.From).ToList());
    }
}
