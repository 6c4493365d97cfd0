namespace Docket.Domain.Cases;

/// <summary>Where a case stands in the process. On the wire in kebab-case ("final-order").</summary>
public enum CaseStage
{
    PreProceedings,
    InProceedings,
    DecidedAppealable,
    OnAppeal,
    FinalOrder,
    VoluntaryDeparturePeriod,
    Departed,
    Removed,
    ReliefGranted,
    Closed,
}
