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

    /// <summary>
    /// The steps to show, and which of them is the current one. "On appeal" is a step only of a
    /// case that was appealed: shown on the way to a final order of a case never appealed, it
    /// read as passed, as if an appeal had been heard.
    /// </summary>
    public static (IReadOnlyList<string> Steps, int Current) For(CaseStage stage, bool appealed)
    {
        var ending = stage switch
        {
            CaseStage.FinalOrder or CaseStage.VoluntaryDeparturePeriod => Name(stage),
            _ => "Final order",
        };
        var last = stage is CaseStage.Departed or CaseStage.Removed or CaseStage.ReliefGranted or CaseStage.Closed ? Name(stage) : "Closed";
        var withAppeal = appealed || stage == CaseStage.OnAppeal;
        List<string> steps = ["Before proceedings", "In proceedings", "Decided"];
        if (withAppeal)
        {
            steps.Add("On appeal");
        }

        steps.Add(ending);
        steps.Add(last);
        var current = stage switch
        {
            CaseStage.PreProceedings => 0,
            CaseStage.InProceedings => 1,
            CaseStage.DecidedAppealable => 2,
            CaseStage.OnAppeal => 3,
            CaseStage.FinalOrder or CaseStage.VoluntaryDeparturePeriod => steps.Count - 2,
            _ => steps.Count - 1,
        };
        return (steps, current);
    }
}
