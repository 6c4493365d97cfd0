using System.Collections.Concurrent;
using System.Collections.Frozen;
using NodaTime;

namespace Docket.Domain.Calendar;

/// <summary>
/// Which days count as business days for filing: not a Saturday or Sunday, not an observed
/// federal holiday, not Inauguration Day when configured, and not an extra closure (an
/// unplanned court or ECAS closure, TIME-RECEIPT). Immutable and thread-safe.
/// </summary>
public sealed class CourtCalendar
{
    private readonly FrozenSet<LocalDate> extraClosures;
    private readonly bool inaugurationDayClosed;
    private readonly ConcurrentDictionary<int, FrozenSet<LocalDate>> holidaysByYear = new();

    /// <param name="extraClosures">Days the court or EOIR was closed (for example an unplanned closure).</param>
    /// <param name="inaugurationDayClosed">
    /// Whether Inauguration Day closes filing. On by default: it is a holiday for the BIA, and
    /// where a rule is ambiguous the later deadline is the safe one.
    /// </param>
    public CourtCalendar(IEnumerable<LocalDate>? extraClosures = null, bool inaugurationDayClosed = true)
    {
        this.extraClosures = (extraClosures ?? []).ToFrozenSet();
        this.inaugurationDayClosed = inaugurationDayClosed;
    }

    public static CourtCalendar Default { get; } = new();

    public static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    /// <summary>An observed legal holiday, Inauguration Day (if configured) or an extra closure.</summary>
    public bool IsClosure(LocalDate date) =>
        HolidaysOf(date.Year).Contains(date)
        // New Year's Day on a Saturday is observed on December 31 of the year before. (Only
        // December 31 can be; asking for the year after 9999 would throw for any date of 9999.)
        || (date is { Month: 12, Day: 31 } && date.Year < 9999 && HolidaysOf(date.Year + 1).Contains(date))
        || extraClosures.Contains(date);

    public bool IsBusinessDay(LocalDate date) => !IsWeekend(date) && !IsClosure(date);

    /// <summary>TIME-DAYS: a last day on a weekend or holiday moves to the next business day.</summary>
    public LocalDate RollForward(LocalDate date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    /// <summary>TIME-DAYS: calendar days after the trigger (day 0 not counted), rolled forward.</summary>
    public LocalDate DaysAfter(LocalDate trigger, int days) => RollForward(trigger.PlusDays(days));

    /// <summary>TIME-BUSINESS-DAYS: the <paramref name="days"/>th business day after the trigger.</summary>
    public LocalDate BusinessDaysAfter(LocalDate trigger, int days)
    {
        var date = trigger;
        for (var counted = 0; counted < days;)
        {
            date = date.PlusDays(1);
            if (IsBusinessDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    private FrozenSet<LocalDate> HolidaysOf(int year) => holidaysByYear.GetOrAdd(year, y =>
    {
        var days = FederalHolidays.For(y).Select(h => h.Observed).ToList();
        if (inaugurationDayClosed && FederalHolidays.InaugurationDay(y) is { } inauguration)
        {
            days.Add(inauguration);
        }

        return days.ToFrozenSet();
    });
}
