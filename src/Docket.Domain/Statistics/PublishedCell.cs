namespace Docket.Domain.Statistics;

/// <summary>
/// A cell as answered: <see cref="Count"/> is null exactly when the cell is withheld.
/// <see cref="Rate"/> is the cell's percent of its table's total, given only where that total
/// is at least 16 and itself publishable.
/// </summary>
public sealed record PublishedCell(string Value, long? Count, CellStatus Status, double? Rate);
