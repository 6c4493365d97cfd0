using Docket.Domain.Countries;
using NodaTime;

namespace Docket.Domain.Events;

/// <summary>
/// An immigration judge's decision. <see cref="Appeal"/> is absent exactly when the order
/// was entered in absentia, because such an order cannot be appealed (APPEAL-NONE-INABSENTIA).
/// </summary>
public sealed record JudgeDecided(
    DecisionOutcome Outcome,
    Relief? Relief = null,
    CountryCode? RemovalCountry = null,
    IReadOnlyList<CountryCode>? AlternateCountries = null,
    IReadOnlyList<CountryCode>? ProtectedCountries = null,
    LocalDate? DepartBy = null,
    AppealChoice? Appeal = null,
    bool InAbsentia = false) : CaseEvent;

public sealed record VoluntaryDepartureBondPosted : CaseEvent;
