using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using NodaTime;

namespace Docket.Domain.Removal;

/// <summary>
/// "May removal to this country proceed on this date?" The decision procedure at the end of
/// docs/rules.md, steps 1 to 8 in order. Every step runs, so the answer lists every
/// reason at once. It fails closed: a missing fact or unsettled law is <c>needs-review</c>,
/// never <c>allowed</c>.
/// </summary>
public static class RemovalCheck
{
    public static RemovalCheckResult Check(CaseState state, CountryCode destination, LocalDate on, CourtCalendar calendar)
    {
        var findings = new List<RemovalFinding>();
        var context = new RemovalContext(state, destination, on, calendar, findings);
        RemovalSteps.StatusAndOrder(context);
        RemovalSteps.Fear(context);
        RemovalSteps.Finality(context);
        RemovalSteps.VoluntaryDeparture(context);
        RemovalSteps.MotionStays(context);
        RemovalSteps.OtherStays(context);
        RemovalSteps.Destination(context);
        RemovalSteps.StatusProtections(context);
        return RemovalCheckResult.From(findings);
    }
}

internal sealed record RemovalContext(CaseState State, CountryCode Destination, LocalDate On, CourtCalendar Calendar, List<RemovalFinding> Findings)
{
    public void Block(string rule, string message) => Findings.Add(new RemovalFinding(rule, message, Blocks: true));

    public void Review(string rule, string message) => Findings.Add(new RemovalFinding(rule, message, Blocks: false));
}
