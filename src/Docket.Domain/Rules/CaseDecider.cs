using Docket.Domain.Cases;
using Docket.Domain.Events;

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
    public static Decision Decide(CaseState state, CaseEvent @event)
    {
        var problems = new List<string>();
        if (@event is CaseOpened)
        {
            problems.Add("type: CaseOpened is written only by opening a case (POST /api/cases)");
        }

        if (@event is EntryCorrected corrected && (corrected.CorrectsVersion > state.Version || corrected.CorrectsVersion <= 1))
        {
            problems.Add(corrected.CorrectsVersion == 1
                ? "correctsVersion: the opening of a case (version 1) cannot be corrected by an event"
                : $"correctsVersion: the case has no event {corrected.CorrectsVersion} (its version is {state.Version})");
        }

        return new Decision(problems, []);
    }
}
