namespace Docket.Domain.Statistics;

/// <summary>Whether a cell is published, and if not, why ("primary" or "secondary" on the wire).</summary>
public enum CellStatus
{
    Published,

    /// <summary>The cell itself is from 1 to 10.</summary>
    Primary,

    /// <summary>Withheld so that a primary cell cannot be worked out from the others.</summary>
    Secondary,
}
