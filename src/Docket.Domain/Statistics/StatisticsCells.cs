namespace Docket.Domain.Statistics;

/// <summary>A cell of the departures projection: verified departures of one month, destination, kind and source.</summary>
public sealed record DepartureCell(string Month, string Country, string Kind, string Source, long Count);

/// <summary>A cell of the outcomes projection: judge's decisions of one month, court, relief, representation and in-absentia.</summary>
public sealed record OutcomeCell(string Month, string Court, string Relief, string Representation, string InAbsentia, long Count);
