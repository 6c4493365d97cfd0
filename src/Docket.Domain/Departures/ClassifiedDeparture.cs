using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using NodaTime;

namespace Docket.Domain.Departures;

/// <summary>
/// A verified departure and its classification (DEPART-SELF-REMOVAL). <see cref="Overstay"/>:
/// the person left after the last day of a voluntary departure period that ran to its end
/// (VD-OVERSTAY); a period ended early by a motion or a missing bond is not overstayed
/// (VD-TERMINATE, VD-BOND-FAIL).
/// </summary>
public sealed record ClassifiedDeparture(LocalDate On, CountryCode DestinationCountry, DepartureKind Kind, bool Overstay)
{
    /// <summary>The case's verified departure, classified; null while none is verified.</summary>
    public static ClassifiedDeparture? Of(CaseState state, CourtCalendar calendar)
    {
        if (state is not { DepartureVerifiedOn: not null, DepartureReport: { } report })
        {
            return null;
        }

        // The case as it stood on the day the person left.
        var then = CaseHistory.Fold(state.Events, report.On);
        var vd = Proceedings.VoluntaryDeparture(then, calendar);
        var kind = vd is not null && vd.RunsOn(report.On) ? DepartureKind.TimelyVoluntaryDeparture
            : Proceedings.HasRemovalOrder(then) ? DepartureKind.SelfRemoval
            : DepartureKind.DepartureWithoutOrder;
        var overstay = vd is { EndedOn: null } && report.On > vd.Due;
        return new ClassifiedDeparture(report.On, report.DestinationCountry, kind, overstay);
    }
}
