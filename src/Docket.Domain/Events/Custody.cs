namespace Docket.Domain.Events;

// Dates only, on purpose: custody drives the REMOVAL-PERIOD-90 and ZADVYDAS-6M reviews and
// nothing else, so no facility or place is recorded.

public sealed record CustodyStarted : CaseEvent;

public sealed record CustodyEnded : CaseEvent;
