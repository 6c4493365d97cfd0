using Docket.Domain.Countries;

namespace Docket.Domain.Events;

public sealed record ThirdCountryNoticeServed(CountryCode Country) : CaseEvent;

public sealed record DepartureReported(
    CountryCode DestinationCountry,
    DepartureSource Source,
    string? Port = null) : CaseEvent;

public sealed record DepartureVerified : CaseEvent;

public sealed record DepartureRejected(string Reason) : CaseEvent;

/// <summary>Accepted only when the removal check answers "allowed".</summary>
public sealed record RemovalCarriedOut(CountryCode DestinationCountry) : CaseEvent;

public sealed record CaseClosed(ClosureReason Reason) : CaseEvent;
