namespace Docket.Store.Statistics;

/// <summary>What one case adds to the statistics cells now (CaseContribution as text), so that a change can be taken back out.</summary>
public sealed class CaseContributionRow
{
    public required string ANumber { get; set; }

    public required string Facts { get; set; }
}

/// <summary>A cell of the departures projection: verified departures of a month, destination, kind and source.</summary>
public sealed class DepartureCellRow
{
    public required string Month { get; set; }

    public required string Country { get; set; }

    public required string Kind { get; set; }

    public required string Source { get; set; }

    public long Count { get; set; }
}

/// <summary>A cell of the outcomes projection: judge's decisions of a month, court, relief, representation and in-absentia.</summary>
public sealed class OutcomeCellRow
{
    public required string Month { get; set; }

    public required string Court { get; set; }

    public required string Relief { get; set; }

    public required string Representation { get; set; }

    public required string InAbsentia { get; set; }

    public long Count { get; set; }
}

/// <summary>How far the statistics projection has read the log: one row.</summary>
public sealed class StatisticsPositionRow
{
    public int Id { get; set; }

    public long Position { get; set; }
}

/// <summary>A statistics release: immutable, append-only like the events.</summary>
public sealed class StatisticsReleaseRow
{
    public int Number { get; set; }

    public required string IssuedAt { get; set; }

    public required string ThroughMonth { get; set; }

    /// <summary>The log position the tables were computed at.</summary>
    public long Position { get; set; }

    public required string CountingRules { get; set; }

    public required string Note { get; set; }

    /// <summary>The release's tables as canonical JSON (ReleaseTables).</summary>
    public required string Tables { get; set; }

    public required byte[] TablesSha256 { get; set; }
}
