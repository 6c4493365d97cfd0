using Bogus;
using Docket.Domain.Events;
using NodaTime;

namespace Docket.Cli.Demo;

/// <summary>
/// Lays a case's events out in time. Steps that would fall after today are not taken, so
/// older cases run to their end and recent ones stop part-way, as a real caseload does.
/// </summary>
internal sealed class Timeline(LocalDate start, LocalDate today, Randomizer random)
{
    private readonly List<CaseEvent> events = [];

    public LocalDate Cursor { get; private set; } = start;

    public bool Stopped { get; private set; }

    public IReadOnlyList<CaseEvent> Events => events;

    public Randomizer Random => random;

    /// <summary>Records the event <paramref name="minDays"/>..<paramref name="maxDays"/> after the previous one.</summary>
    public Timeline Then(int minDays, int maxDays, Func<LocalDate, CaseEvent> make)
    {
        if (Stopped)
        {
            return this;
        }

        var on = Cursor.PlusDays(random.Number(minDays, maxDays));
        if (on > today)
        {
            Stopped = true;
            return this;
        }

        Cursor = on;
        events.Add(make(on) with { On = on });
        return this;
    }

    public Timeline Maybe(double chance, Func<Timeline, Timeline> steps) =>
        !Stopped && random.Double() < chance ? steps(this) : this;
}
