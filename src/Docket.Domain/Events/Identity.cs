using Docket.Domain.Countries;
using NodaTime;

namespace Docket.Domain.Events;

/// <summary>The case's first event; written only by opening a case (POST /api/cases).</summary>
public sealed record CaseOpened(
    string ANumber,
    string FamilyName,
    string GivenNames,
    LocalDate DateOfBirth,
    CountryCode Citizenship,
    string Office) : CaseEvent;

/// <summary>The address of record for notices, as given by the person.</summary>
public sealed record MailingAddressChanged([FreeText] string Address) : CaseEvent;

public sealed record AttorneyEntered(string Name, string BarNumber) : CaseEvent;

public sealed record AttorneyWithdrew : CaseEvent;
