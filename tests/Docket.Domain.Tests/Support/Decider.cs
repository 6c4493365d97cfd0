using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Rules;

namespace Docket.Domain.Tests.Support;

/// <summary>
/// Decider-style specifications: <c>Given(history).When(event).Then...</c>. The history is
/// folded into a state, the new event is decided against it, and, when accepted, appended
/// and folded again.
/// </summary>
internal static class Decider
{
    public static Given Given(params CaseEvent[] history) => new(history);
}

internal sealed class Given(IReadOnlyList<CaseEvent> history)
{
    public IReadOnlyList<CaseEvent> History { get; } = history;

    public CaseState State => CaseHistory.Fold(History);

    /// <summary>Decides the event as recorded on its own day.</summary>
    public Then When(CaseEvent @event) => When(@event, @event.On);

    /// <summary>Decides the event as recorded on <paramref name="today"/>.</summary>
    public Then When(CaseEvent @event, NodaTime.LocalDate today)
    {
        var before = State;
        var decision = CaseDecider.Decide(before, @event, CourtCalendar.Default, today);
        var after = decision.Accepted ? CaseHistory.Fold([.. History, @event]) : before;
        return new Then(decision, after);
    }
}

internal sealed class Then(Decision decision, CaseState state)
{
    public Decision Decision { get; } = decision;

    public CaseState State { get; } = state;

    /// <summary>The event was accepted; <paramref name="check"/> inspects the state it leads to.</summary>
    public Then ThenState(Action<CaseState> check)
    {
        Assert.True(Decision.Accepted, "expected the event to be accepted, but: " + string.Join("; ", Decision.Problems));
        check(State);
        return this;
    }

    /// <summary>The event was refused as a problem that names <paramref name="field"/>.</summary>
    public Then ThenProblem(string field)
    {
        Assert.False(Decision.Accepted);
        Assert.Empty(Decision.Violations);
        Assert.Contains(Decision.Problems, p => p.StartsWith(field + ":", StringComparison.Ordinal));
        return this;
    }
}
