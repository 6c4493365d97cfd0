using System.Text.Json;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Departures;
using Docket.Domain.Events;

namespace Docket.Domain.Statistics;

/// <summary>A verified departure as the statistics count it: in the month of the departure's own date.</summary>
public sealed record DepartureFact(string Month, string Country, string Kind, string Source);

/// <summary>
/// A judge's decision as the statistics count it: its month (the fiscal year follows), the court
/// of the hearing it closed, the relief granted ("none"), whether an attorney of record was on
/// the case, and whether it was entered in absentia.
/// </summary>
public sealed record OutcomeFact(string Month, string Court, string Relief, string Representation, string InAbsentia);

/// <summary>
/// What one case adds to the statistics: at most one verified departure (a duplicate report of
/// the same departure is one departure) and each judge's decision in its history, corrections
/// applied. Pure: the projection and the rebuild both ask this, so they cannot disagree.
/// </summary>
public sealed record CaseContribution(DepartureFact? Departure, IReadOnlyList<OutcomeFact> Outcomes)
{
    public const string UnknownCourt = "unknown";

    public const string NoRelief = "none";

    /// <summary>A court is counted by at most this much of its name.</summary>
    public const int CourtNameLength = 200;

    public static CaseContribution None { get; } = new(null, []);

    public static CaseContribution Of(CaseState state, CourtCalendar calendar)
    {
        DepartureFact? departure = null;
        if (ClassifiedDeparture.Of(state, calendar) is { } classified && state.DepartureReport is { } report)
        {
            departure = new DepartureFact(
                StatisticsMonth.Format(new NodaTime.YearMonth(classified.On.Year, classified.On.Month)),
                classified.DestinationCountry.Code,
                Wire(classified.Kind.ToString()),
                Wire(report.Source.ToString()));
        }

        return new CaseContribution(departure, Decisions(state.Events));
    }

    private static List<OutcomeFact> Decisions(IReadOnlyList<CaseEvent> recorded)
    {
        var outcomes = new List<OutcomeFact>();
        var state = CaseState.Empty;
        var court = UnknownCourt;
        foreach (var @event in CaseHistory.Effective(recorded))
        {
            switch (@event)
            {
                case HearingScheduled scheduled:
                    court = scheduled.Court.Trim() is { Length: > CourtNameLength } longName ? longName[..CourtNameLength] : scheduled.Court.Trim();
                    break;
                case JudgeDecided decided:
                    outcomes.Add(new OutcomeFact(
                        StatisticsMonth.Format(new NodaTime.YearMonth(decided.On.Year, decided.On.Month)),
                        court,
                        decided.Relief is { } relief ? Wire(relief.ToString()) : NoRelief,
                        state.Attorney is null ? "unrepresented" : "represented",
                        decided.InAbsentia ? "true" : "false"));
                    break;
            }

            state = CaseHistory.Apply(state, @event);
        }

        return outcomes;
    }

    private static string Wire(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
