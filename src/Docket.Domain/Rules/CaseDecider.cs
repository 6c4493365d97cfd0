using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Removal;

namespace Docket.Domain.Rules;

/// <summary>The answer to "may this event be recorded on this case?".</summary>
public sealed record Decision(IReadOnlyList<string> Problems, IReadOnlyList<Violation> Violations)
{
    public bool Accepted => Problems.Count == 0 && Violations.Count == 0;
}

/// <summary>
/// Decides whether an event may be appended to a case. <c>Problems</c> are events that do not
/// make sense against this history (a request error); <c>Violations</c> are safeguards of the
/// law that forbid the step, each with its rule id.
/// </summary>
public static class CaseDecider
{
    public static Decision Decide(CaseState state, CaseEvent @event, CourtCalendar? calendar = null)
    {
        calendar ??= CourtCalendar.Default;
        var problems = new List<string>();
        var violations = new List<Violation>();
        switch (@event)
        {
            case CaseOpened:
                problems.Add("type: CaseOpened is written only by opening a case (POST /api/cases)");
                break;
            case EntryCorrected corrected when corrected.CorrectsVersion > state.Version || corrected.CorrectsVersion <= 1:
                problems.Add(corrected.CorrectsVersion == 1
                    ? "correctsVersion: the opening of a case (version 1) cannot be corrected by an event"
                    : $"correctsVersion: the case has no event {corrected.CorrectsVersion} (its version is {state.Version})");
                break;
            case RemovalCarriedOut removal:
                // The check reads the case as it stood on the day of removal.
                var check = RemovalCheck.Check(CaseHistory.Fold(state.Events, removal.On), removal.DestinationCountry, removal.On, calendar);
                violations.AddRange(check.Violations);
                break;
            default:
                ProceduralRules.Check(state, @event, calendar, problems, violations);
                break;
        }

        return new Decision(problems, violations);
    }
}
