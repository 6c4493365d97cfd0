using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Removal;
using NodaTime;

namespace Docket.Domain.Rules;

/// <summary>The answer to "may this event be recorded on this case?".</summary>
public sealed record Decision(IReadOnlyList<string> Problems, IReadOnlyList<Violation> Violations)
{
    public bool Accepted => Problems.Count == 0 && Violations.Count == 0;
}

/// <summary>
/// Decides whether an event may be appended to a case. <c>Problems</c> are events that do not
/// make sense against this history (a request error); <c>Violations</c> are safeguards of the
/// law that forbid the step, each with its rule id. The checks run in this order: the date
/// (RECORD-NOT-FUTURE, then the person's date of birth), the stage (<see cref="StageTable"/>),
/// then the rules of the event's own kind.
/// </summary>
public static class CaseDecider
{
    /// <param name="state">The case as its events stand now.</param>
    /// <param name="event">The event to record.</param>
    /// <param name="calendar">The court calendar the rules count days with.</param>
    /// <param name="today">Today's legal date in the office's time zone (<see cref="LegalClock"/>).</param>
    public static Decision Decide(CaseState state, CaseEvent @event, CourtCalendar calendar, LocalDate today)
    {
        // RECORD-NOT-FUTURE: an event records what has happened. Judged first and alone, so a
        // future date is always answered with this rule, whatever else is wrong.
        if (@event.On > today && @event is not CaseOpened)
        {
            return new([], [new Violation(RuleIds.RecordNotFuture,
                $"The event's date ({EventJson.DatePattern.Format(@event.On)}) is after today ({EventJson.DatePattern.Format(today)}); an event records something that has happened. Forward-looking dates (a hearing date, until, departBy) belong in their own fields.")]);
        }

        if (@event is EntryCorrected { Replacement: var replacement } && EventJson.Parse(replacement).Event is { } replaced && replaced.On > today)
        {
            return new([], [new Violation(RuleIds.RecordNotFuture,
                $"The replacement's date ({EventJson.DatePattern.Format(replaced.On)}) is after today ({EventJson.DatePattern.Format(today)}); a correction cannot record a future event either.")]);
        }

        if (state.Identity is { } identity && @event.On < identity.DateOfBirth && @event is not CaseOpened)
        {
            return new([$"on: {EventJson.DatePattern.Format(@event.On)} is before the person's date of birth ({EventJson.DatePattern.Format(identity.DateOfBirth)})"], []);
        }

        var problems = new List<string>();
        var violations = new List<Violation>();
        if (@event is CaseOpened)
        {
            problems.Add("type: CaseOpened is written only by opening a case (POST /api/cases)");
            return new(problems, violations);
        }

        switch (@event)
        {
            case EntryCorrected corrected when corrected.CorrectsVersion > state.Version || corrected.CorrectsVersion <= 1:
                problems.Add(corrected.CorrectsVersion == 1
                    ? "correctsVersion: the opening of a case (version 1) cannot be corrected by an event"
                    : $"correctsVersion: the case has no event {corrected.CorrectsVersion} (its version is {state.Version})");
                break;
            case RemovalCarriedOut removal:
                // The check reads the case as it stood on the day of removal (today or a past day).
                var check = RemovalCheck.Check(CaseHistory.Fold(state.Events, removal.On), removal.DestinationCountry, removal.On, calendar, today);
                violations.AddRange(check.Violations);
                break;
            default:
                ProceduralRules.Check(state, @event, calendar, problems, violations);
                break;
        }

        // Where a rule of law speaks to the step, its violation is the answer; otherwise a stage
        // that cannot take this kind of event says so.
        var (stageViolation, stageProblem) = StageTable.Refusal(Proceedings.StageOn(state, calendar, @event.On), @event);
        if (stageViolation is not null)
        {
            return new([], [stageViolation, .. violations.Where(v => v.Rule != stageViolation.Rule)]);
        }

        if (stageProblem is not null && violations.Count == 0)
        {
            return new([stageProblem], []);
        }

        return new Decision(problems, violations);
    }
}
