using NodaTime;

namespace Docket.Domain.Calendar;

/// <summary>
/// A legal public holiday: <see cref="Date"/> is the day it legally falls on and
/// <see cref="Observed"/> the day federal offices close for it (HOLIDAY-OBSERVED).
/// </summary>
public sealed record FederalHoliday(string Name, LocalDate Date, LocalDate Observed);
