namespace Docket.Domain.Departures;

/// <summary>
/// DEPART-SELF-REMOVAL: what a verified departure was in law, decided by the departure's own
/// date. On the wire in kebab-case ("self-removal").
/// </summary>
public enum DepartureKind
{
    /// <summary>Inside a voluntary departure period (rolled past weekends and holidays, VD-WEEKEND).</summary>
    TimelyVoluntaryDeparture,

    /// <summary>While an order of removal was outstanding: the person is considered removed (8 CFR 241.7).</summary>
    SelfRemoval,

    /// <summary>With no order of removal outstanding.</summary>
    DepartureWithoutOrder,
}
