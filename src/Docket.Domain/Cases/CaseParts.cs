using Docket.Domain.Countries;
using Docket.Domain.Events;
using NodaTime;

namespace Docket.Domain.Cases;

public sealed record CaseIdentity(
    ANumber ANumber,
    string FamilyName,
    string GivenNames,
    LocalDate DateOfBirth,
    CountryCode Citizenship,
    string Office);

public sealed record AttorneyOfRecord(string Name, string BarNumber, LocalDate Since);

public sealed record Hearing(LocalDate Date, HearingKind Kind, string Court);
