using Docket.Domain.Countries;

namespace Docket.Domain.Events;

public sealed record ThirdCountryNoticeServed(CountryCode Country) : CaseEvent;

/// <summary>
/// A reported departure. <see cref="Mode"/> and <see cref="Evidence"/> came with v1.1 and are
/// optional: an earlier report has neither, and its payload stays as it was written.
/// </summary>
public sealed record DepartureReported(
    CountryCode DestinationCountry,
    DepartureSource Source,
    string? Port = null,
    DepartureMode? Mode = null,
    DepartureEvidence? Evidence = null) : CaseEvent;

public sealed record DepartureVerified : CaseEvent;

public sealed record DepartureRejected([FreeText] string Reason) : CaseEvent;

/// <summary>Accepted only when the removal check answers "allowed".</summary>
public sealed record RemovalCarriedOut(CountryCode DestinationCountry) : CaseEvent;

public sealed record CaseClosed(ClosureReason Reason) : CaseEvent;
