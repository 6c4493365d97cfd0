using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using NodaTime;

namespace Docket.Domain.Removal;

/// <summary>
/// "May removal to this country proceed on this date?" The decision procedure at the end of
/// docs/rules.md, steps 1 to 8 in order. Every step runs, so the answer lists every
/// reason at once. It fails closed: a missing fact or unsettled law is <c>needs-review</c>,
/// never <c>allowed</c>. A check for a day after today is a projection (CHECK-PROJECTION): it
/// says what today's facts would give on that day, and is never <c>allowed</c>.
/// </summary>
public static class RemovalCheck
{
    /// <param name="state">The case as it stands on <paramref name="on"/> (<c>CaseHistory.Fold(events, on)</c>).</param>
    /// <param name="destination">The country of removal.</param>
    /// <param name="on">The day removal would be carried out.</param>
    /// <param name="calendar">The court calendar the rules count days with.</param>
    /// <param name="today">Today's legal date: a check for a later day is a projection.</param>
    public static RemovalCheckResult Check(CaseState state, CountryCode destination, LocalDate on, CourtCalendar calendar, LocalDate today)
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
        RemovalSteps.Projection(context, today);
        return RemovalCheckResult.From(findings);
    }
}

internal sealed record RemovalContext(CaseState State, CountryCode Destination, LocalDate On, CourtCalendar Calendar, List<RemovalFinding> Findings)
{
    public void Block(string rule, string message) => Findings.Add(new RemovalFinding(rule, message, Blocks: true));

    public void Review(string rule, string message) => Findings.Add(new RemovalFinding(rule, message, Blocks: false));
}
