using Docket.Domain.Cases;

namespace Docket.Web.Cases.Words;

/// <summary>The case stages as the USWDS step indicator shows them: the usual path, with the stage the case is at.</summary>
public static class StageSteps
{
    public static string Name(CaseStage stage) => stage switch
    {
        CaseStage.PreProceedings => "Before proceedings",
        CaseStage.InProceedings => "In proceedings",
        CaseStage.DecidedAppealable => "Decided, appeal window open",
        CaseStage.OnAppeal => "On appeal",
        CaseStage.FinalOrder => "Final order",
        CaseStage.VoluntaryDeparturePeriod => "Voluntary departure period",
        CaseStage.Departed => "Departed",
        CaseStage.Removed => "Removed",
        CaseStage.ReliefGranted => "Relief granted",
        CaseStage.Closed => "Closed",
        _ => stage.ToString(),
    };

    /// <summary>The steps to show, and which of them is the current one.</summary>
    public static (IReadOnlyList<string> Steps, int Current) For(CaseStage stage)
    {
        var ending = stage switch
        {
            CaseStage.FinalOrder or CaseStage.VoluntaryDeparturePeriod => Name(stage),
            _ => "Final order",
        };
        var last = stage is CaseStage.Departed or CaseStage.Removed or CaseStage.ReliefGranted or CaseStage.Closed ? Name(stage) : "Closed";
        string[] steps = ["Before proceedings", "In proceedings", "Decided", "On appeal", ending, last];
        var current = stage switch
        {
            CaseStage.PreProceedings => 0,
            CaseStage.InProceedings => 1,
            CaseStage.DecidedAppealable => 2,
            CaseStage.OnAppeal => 3,
            CaseStage.FinalOrder or CaseStage.VoluntaryDeparturePeriod => 4,
            _ => 5,
        };
        return (steps, current);
    }
}
